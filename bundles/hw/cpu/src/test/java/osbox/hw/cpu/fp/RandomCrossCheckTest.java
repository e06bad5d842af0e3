package osbox.hw.cpu.fp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Seeded random operands, every operation, every rounding mode: the bits
 * and the flags must equal {@link Reference}'s BigDecimal model. Operands
 * are finite and nonzero; results that are exactly zero (which follow the
 * sign rules, tested by hand) are skipped.
 */
class RandomCrossCheckTest {
    private static final int CASES = 2000;

    interface Op64 {
        long apply(long[] operands, int rm, FpFlags flags);
    }

    // Checks one operation on CASES random operand lists against the exact value.
    private static void check(String name, boolean single, int arity, Op64 op, Function<BigDecimal[], BigDecimal> exact) {
        check(name, single, single, arity, op, exact);
    }

    // As above, with operands of one format and results of another.
    private static void check(String name, boolean single, boolean singleResult, int arity, Op64 op,
            Function<BigDecimal[], BigDecimal> exact) {
        Operands random = new Operands(name.hashCode(), single);
        Reference.Format format = single ? Reference.FLOAT : Reference.DOUBLE;
        Reference.Format resultFormat = singleResult ? Reference.FLOAT : Reference.DOUBLE;
        int checked = 0;
        for (int i = 0; i < CASES; i++) {
            double[] values = new double[arity];
            values[0] = random.next();
            for (int j = 1; j < arity; j++) {
                values[j] = j == 2 || i % 2 == 0 ? random.next() : random.near(values[0]);
            }
            if (arity == 3 && i % 3 == 0) {
                double product = values[0] * values[1]; // an addend that nearly cancels the product
                values[2] = -product + Math.ulp(product) * (i % 7 - 3);
            }
            if (single) {
                for (int j = 0; j < arity; j++) {
                    values[j] = (float) values[j]; // near() may leave the float grid
                }
            }
            BigDecimal[] exacts = new BigDecimal[arity];
            long[] bits = new long[arity];
            boolean usable = true;
            for (int j = 0; j < arity; j++) {
                usable &= values[j] != 0 && Double.isFinite(values[j]);
                exacts[j] = usable ? Reference.exact(values[j]) : BigDecimal.ZERO;
                bits[j] = Reference.bits(values[j], format);
            }
            BigDecimal x = usable ? exact.apply(exacts) : BigDecimal.ZERO;
            if (x.signum() == 0) {
                continue;
            }
            checked++;
            for (int rm = 0; rm <= 4; rm++) {
                Reference.Result expected = Reference.round(x, resultFormat, rm);
                FpFlags flags = new FpFlags();
                long actual = op.apply(bits, rm, flags);
                String what = name + java.util.Arrays.toString(values) + " rm " + rm;
                assertEquals(Long.toHexString(expected.bits()), Long.toHexString(singleResult ? actual & 0xffffffffL : actual),
                        what);
                assertEquals(expected.flags(), flags.bits, what + " flags");
            }
        }
        assertEquals(true, checked > CASES / 2, name + ": only " + checked + " usable cases");
    }

    @Test
    void binary64AddSubMulDivSqrtFma() {
        check("add64", false, 2, (o, rm, f) -> Binary64.add(o[0], o[1], rm, f), x -> x[0].add(x[1]));
        check("sub64", false, 2, (o, rm, f) -> Binary64.sub(o[0], o[1], rm, f), x -> x[0].subtract(x[1]));
        check("mul64", false, 2, (o, rm, f) -> Binary64.mul(o[0], o[1], rm, f), x -> x[0].multiply(x[1]));
        check("div64", false, 2, (o, rm, f) -> Binary64.div(o[0], o[1], rm, f), x -> Reference.quotient(x[0], x[1]));
        check("sqrt64", false, 1, (o, rm, f) -> Binary64.sqrt(o[0] & Long.MAX_VALUE, rm, f),
                x -> Reference.root(x[0].abs()));
        check("fma64", false, 3, (o, rm, f) -> Binary64.fma(o[0], o[1], o[2], rm, f),
                x -> x[0].multiply(x[1]).add(x[2]));
    }

    @Test
    void binary32AddSubMulDivSqrtFma() {
        check("add32", true, 2, (o, rm, f) -> Binary32.add((int) o[0], (int) o[1], rm, f), x -> x[0].add(x[1]));
        check("sub32", true, 2, (o, rm, f) -> Binary32.sub((int) o[0], (int) o[1], rm, f), x -> x[0].subtract(x[1]));
        check("mul32", true, 2, (o, rm, f) -> Binary32.mul((int) o[0], (int) o[1], rm, f), x -> x[0].multiply(x[1]));
        check("div32", true, 2, (o, rm, f) -> Binary32.div((int) o[0], (int) o[1], rm, f),
                x -> Reference.quotient(x[0], x[1]));
        check("sqrt32", true, 1, (o, rm, f) -> Binary32.sqrt((int) o[0] & Integer.MAX_VALUE, rm, f),
                x -> Reference.root(x[0].abs()));
        check("fma32", true, 3, (o, rm, f) -> Binary32.fma((int) o[0], (int) o[1], (int) o[2], rm, f),
                x -> x[0].multiply(x[1]).add(x[2]));
    }

    @Test
    void doubleToFloat() {
        check("d2f", false, true, 1, (o, rm, f) -> FpConvert.doubleToFloat(o[0], rm, f), x -> x[0]);
    }
}
