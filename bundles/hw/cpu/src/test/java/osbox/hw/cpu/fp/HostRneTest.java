package osbox.hw.cpu.fp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The host-double fast path ({@link HostRne}) against the exact integer
 * path ({@link ExactOps}) in round to nearest even: for seeded random
 * operands (around 1, subnormals, near overflow, short significands,
 * close exponents, near-cancelling sums and fma addends) every result the
 * fast path gives has the exact path's bits and flags, and the fast path
 * takes a good share of the cases (else this test would check nothing).
 */
class HostRneTest {
    /** Cases per operation (-Dfp.cases=N for a longer run). */
    private static final int CASES = Integer.getInteger("fp.cases", 50_000);

    interface Fast {
        long apply(double[] v, FpFlags flags);
    }

    interface Exact {
        long apply(double[] v, FpFlags flags);
    }

    // Runs CASES random operand lists through both paths; returns how many the fast path took.
    private static int check(String name, int arity, Fast fast, Exact exact) {
        Operands random = new Operands(name.hashCode(), false);
        int taken = 0;
        for (int i = 0; i < CASES; i++) {
            double[] v = new double[arity];
            v[0] = random.next();
            for (int j = 1; j < arity; j++) {
                v[j] = j == 2 || i % 2 == 0 ? random.next() : random.near(v[0]);
            }
            if (arity == 3 && i % 3 == 0) {
                double product = v[0] * v[1]; // an addend that nearly cancels the product
                v[2] = -product + Math.ulp(product) * (i % 7 - 3);
            }
            if (arity == 2 && i % 5 == 0) {
                v[1] = Math.sqrt(v[0] > 0 ? v[0] : -v[0]); // square roots and their squares: exact cases
            }
            FpFlags fastFlags = new FpFlags();
            long r = fast.apply(v, fastFlags);
            if (r == HostRne.DECLINED) {
                assertEquals(0, fastFlags.bits, name + " declined but raised flags");
                continue;
            }
            taken++;
            FpFlags exactFlags = new FpFlags();
            long expected = exact.apply(v, exactFlags);
            String what = name + java.util.Arrays.toString(v);
            assertEquals(Long.toHexString(expected), Long.toHexString(r), what);
            assertEquals(exactFlags.bits, fastFlags.bits, what + " flags");
        }
        return taken;
    }

    @Test
    void everyResultTheFastPathGivesIsTheExactPathsWithTheSameFlags() {
        int rne = RoundingMode.RNE;
        FpFormat d = FpFormat.DOUBLE;
        int[] taken = {
            check("add", 2, (v, f) -> HostRne.add(v[0], v[1], f), (v, f) -> ExactOps.add(v[0], v[1], d, rne, f)),
            check("sub", 2, (v, f) -> HostRne.add(v[0], -v[1], f), (v, f) -> ExactOps.add(v[0], -v[1], d, rne, f)),
            check("mul", 2, (v, f) -> HostRne.mul(v[0], v[1], f), (v, f) -> ExactOps.mul(v[0], v[1], d, rne, f)),
            check("div", 2, (v, f) -> HostRne.div(v[0], v[1], f), (v, f) -> ExactOps.div(v[0], v[1], d, rne, f)),
            check("sqrt", 1, (v, f) -> HostRne.sqrt(Math.abs(v[0]), f),
                    (v, f) -> ExactOps.sqrt(Math.abs(v[0]), d, rne, f)),
            check("fma", 3, (v, f) -> HostRne.fma(v[0], v[1], v[2], f),
                    (v, f) -> ExactOps.fma(v[0], v[1], v[2], d, rne, f)),
        };
        for (int t : taken) {
            assertTrue(t > CASES / 10, "the fast path took only " + t + " of " + CASES);
        }
    }

    @Test
    void theEdgesAreDeclinedForTheExactPath() {
        FpFlags f = new FpFlags();
        assertEquals(HostRne.DECLINED, HostRne.add(Double.MAX_VALUE, Double.MAX_VALUE, f), "overflow");
        assertEquals(HostRne.DECLINED, HostRne.add(1.0, -1.0, f), "an exact zero: its sign is the mode's");
        assertEquals(HostRne.DECLINED, HostRne.mul(0x1p-600, 0x1p-600, f), "underflow");
        assertEquals(HostRne.DECLINED, HostRne.mul(0.0, 3.0, f), "a zero operand");
        assertEquals(HostRne.DECLINED, HostRne.div(1.0, 0.0, f), "division by zero");
        assertEquals(HostRne.DECLINED, HostRne.sqrt(-4.0, f), "invalid");
        assertEquals(HostRne.DECLINED, HostRne.fma(Double.POSITIVE_INFINITY, 0.0, 1.0, f), "inf * 0");
        assertEquals(0, f.bits, "nothing raised by declining");
        assertEquals(Double.doubleToRawLongBits(0.1 + 0.2), HostRne.add(0.1, 0.2, f));
        assertEquals(FpFlags.NX, f.bits, "inexact");
        FpFlags exact = new FpFlags();
        assertEquals(Double.doubleToRawLongBits(7.0), HostRne.fma(2.0, 3.0, 1.0, exact));
        assertEquals(0, exact.bits, "2 * 3 + 1 is exact");
    }
}
