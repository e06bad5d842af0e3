package osbox.hw.cpu.fp;

import static osbox.hw.cpu.fp.Expect.expect;
import static osbox.hw.cpu.fp.Expect.expectModes;
import static osbox.hw.cpu.fp.FpFlags.DZ;
import static osbox.hw.cpu.fp.FpFlags.NV;
import static osbox.hw.cpu.fp.FpFlags.NX;
import static osbox.hw.cpu.fp.FpFlags.OF;
import static osbox.hw.cpu.fp.FpFlags.UF;
import static osbox.hw.cpu.fp.RoundingMode.RDN;
import static osbox.hw.cpu.fp.RoundingMode.RMM;
import static osbox.hw.cpu.fp.RoundingMode.RNE;
import static osbox.hw.cpu.fp.RoundingMode.RTZ;
import static osbox.hw.cpu.fp.RoundingMode.RUP;

import org.junit.jupiter.api.Test;

/**
 * Hand-picked binary64 cases, with the expected bits and flags of each
 * rounding mode: ties, overflow, underflow (and tininess after rounding),
 * the signs of zeros, infinities and NaNs.
 */
class Binary64Test {
    private static final long NAN = Binary64.CANONICAL_NAN;
    private static final long SNAN = 0x7ff0000000000001L;
    private static final long QNAN_PAYLOAD = 0xfff8000000001234L;
    private static final long INF = d(Double.POSITIVE_INFINITY);
    private static final long MAX = d(Double.MAX_VALUE);
    private static final long ONE = d(1);

    static long d(double value) {
        return Double.doubleToRawLongBits(value);
    }

    @Test
    void addRoundsTiesAndDirectionsByMode() {
        long up = ONE + 1;
        Expect.Op tie = (rm, f) -> Binary64.add(ONE, d(0x1p-53), rm, f);
        expectModes(new long[] {ONE, ONE, ONE, up, up}, NX, tie);
        Expect.Op negativeTie = (rm, f) -> Binary64.sub(d(-1), d(0x1p-53), rm, f);
        expectModes(new long[] {d(-1), d(-1), up | 1L << 63, d(-1), up | 1L << 63}, NX, negativeTie);
        Expect.Op aboveHalf = (rm, f) -> Binary64.add(ONE, d(0x3p-54), rm, f);
        expectModes(new long[] {up, ONE, ONE, up, up}, NX, aboveHalf);
        Expect.Op exact = (rm, f) -> Binary64.add(d(1.5), d(0.25), rm, f);
        expectModes(new long[] {d(1.75), d(1.75), d(1.75), d(1.75), d(1.75)}, 0, exact);
    }

    @Test
    void exactZeroSumsArePositiveExceptWhenRoundingDown() {
        long plus = d(0.0);
        long minus = d(-0.0);
        expectModes(new long[] {plus, plus, minus, plus, plus}, 0, (rm, f) -> Binary64.add(ONE, d(-1), rm, f));
        expectModes(new long[] {plus, plus, minus, plus, plus}, 0, (rm, f) -> Binary64.add(plus, minus, rm, f));
        expectModes(new long[] {plus, plus, minus, plus, plus}, 0, (rm, f) -> Binary64.sub(minus, minus, rm, f));
        expectModes(new long[] {minus, minus, minus, minus, minus}, 0, (rm, f) -> Binary64.add(minus, minus, rm, f));
        expectModes(new long[] {plus, plus, plus, plus, plus}, 0, (rm, f) -> Binary64.add(plus, plus, rm, f));
        expectModes(new long[] {d(-2), d(-2), d(-2), d(-2), d(-2)}, 0, (rm, f) -> Binary64.add(minus, d(-2), rm, f));
    }

    @Test
    void overflowGivesInfinityOrTheLargestFiniteValueByMode() {
        long negMax = MAX | 1L << 63;
        long negInf = INF | 1L << 63;
        expectModes(new long[] {INF, MAX, MAX, INF, INF}, OF | NX, (rm, f) -> Binary64.add(MAX, MAX, rm, f));
        expectModes(new long[] {negInf, negMax, negInf, negMax, negInf}, OF | NX,
                (rm, f) -> Binary64.sub(negMax, MAX, rm, f));
        expectModes(new long[] {INF, MAX, MAX, INF, INF}, OF | NX, (rm, f) -> Binary64.mul(MAX, d(2), rm, f));
        // MAX + half an ulp: a tie that RNE takes up (MAX is odd); towards zero it is merely inexact
        Expect.Op halfUlp = (rm, f) -> Binary64.add(MAX, d(0x1p970), rm, f);
        expect(INF, OF | NX, RNE, halfUlp);
        expect(MAX, NX, RTZ, halfUlp);
        expect(MAX, NX, RDN, halfUlp);
        expect(INF, OF | NX, RUP, halfUlp);
        expect(INF, OF | NX, RMM, halfUlp);
    }

    @Test
    void underflowIsTininessAfterRoundingAndOnlyWhenInexact() {
        long minNormal = d(Double.MIN_NORMAL);
        long largestSubnormal = minNormal - 1;
        // (1 - 2^-52)(1 + 2^-52) 2^-1022: below 2^-1022, but 2^-1022 once rounded to 53 bits
        Expect.Op notTiny = (rm, f) -> Binary64.mul(d(1 - 0x1p-52), minNormal + 1, rm, f);
        expect(minNormal, NX, RNE, notTiny);
        expect(largestSubnormal, NX | UF, RTZ, notTiny);
        expect(largestSubnormal, NX | UF, RDN, notTiny);
        expect(minNormal, NX, RUP, notTiny);
        expect(minNormal, NX, RMM, notTiny);
        // (1 - 2^-53) 2^-1022 is exact with 53 bits, so tiny; the subnormal rounding makes it 2^-1022
        Expect.Op tiny = (rm, f) -> Binary64.mul(d(1 - 0x1p-53), minNormal, rm, f);
        expectModes(new long[] {minNormal, largestSubnormal, largestSubnormal, minNormal, minNormal}, NX | UF, tiny);
        // half the smallest subnormal
        Expect.Op half = (rm, f) -> Binary64.mul(d(Double.MIN_VALUE), d(0.5), rm, f);
        expectModes(new long[] {0, 0, 0, 1, 1}, NX | UF, half);
        Expect.Op negativeHalf = (rm, f) -> Binary64.mul(d(-Double.MIN_VALUE), d(0.5), rm, f);
        long minus = 1L << 63;
        expectModes(new long[] {minus, minus, minus | 1, minus, minus | 1}, NX | UF, negativeHalf);
        // exact subnormal results raise nothing
        expectModes(new long[] {2, 2, 2, 2, 2}, 0, (rm, f) -> Binary64.mul(1, d(2), rm, f));
        expectModes(new long[] {largestSubnormal, largestSubnormal, largestSubnormal, largestSubnormal,
            largestSubnormal}, 0, (rm, f) -> Binary64.sub(minNormal, 1, rm, f));
    }

    @Test
    void divisionRoundsByModeAndRaisesDivideByZero() {
        long third = 0x3fd5555555555555L;
        expectModes(new long[] {third, third, third, third + 1, third}, NX, (rm, f) -> Binary64.div(ONE, d(3), rm, f));
        long negThird = third | 1L << 63;
        expectModes(new long[] {negThird, negThird, negThird + 1, negThird, negThird}, NX,
                (rm, f) -> Binary64.div(d(-1), d(3), rm, f));
        expect(INF, DZ, RNE, (rm, f) -> Binary64.div(ONE, 0, rm, f));
        expect(INF | 1L << 63, DZ, RNE, (rm, f) -> Binary64.div(ONE, 1L << 63, rm, f));
        expect(INF, 0, RNE, (rm, f) -> Binary64.div(INF, 0, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.div(0, 0, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.div(INF, INF, rm, f));
        expect(1L << 63, 0, RNE, (rm, f) -> Binary64.div(ONE, INF | 1L << 63, rm, f));
        expect(d(0.75), 0, RUP, (rm, f) -> Binary64.div(d(1.5), d(2), rm, f));
    }

    @Test
    void squareRootRoundsByModeAndRejectsNegatives() {
        long root2 = 0x3ff6a09e667f3bcdL; // sqrt(2) rounded to nearest lies above it
        expectModes(new long[] {root2, root2 - 1, root2 - 1, root2, root2}, NX,
                (rm, f) -> Binary64.sqrt(d(2), rm, f));
        expect(d(2), 0, RDN, (rm, f) -> Binary64.sqrt(d(4), rm, f));
        expect(d(0x1p-537), 0, RNE, (rm, f) -> Binary64.sqrt(1, rm, f));
        expect(1L << 63, 0, RNE, (rm, f) -> Binary64.sqrt(1L << 63, rm, f));
        expect(INF, 0, RNE, (rm, f) -> Binary64.sqrt(INF, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.sqrt(d(-1), rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.sqrt(INF | 1L << 63, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.sqrt(SNAN, rm, f));
        expect(NAN, 0, RNE, (rm, f) -> Binary64.sqrt(QNAN_PAYLOAD, rm, f));
    }

    @Test
    void nanInputsGiveTheCanonicalNanAndSignallingOnesRaiseInvalid() {
        expect(NAN, 0, RNE, (rm, f) -> Binary64.add(QNAN_PAYLOAD, ONE, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.sub(ONE, SNAN, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.mul(SNAN, QNAN_PAYLOAD, rm, f));
        expect(NAN, 0, RNE, (rm, f) -> Binary64.div(QNAN_PAYLOAD, 0, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.add(INF, INF | 1L << 63, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.mul(INF, 1L << 63, rm, f));
        expect(INF, 0, RNE, (rm, f) -> Binary64.add(INF, MAX, rm, f));
        expect(INF | 1L << 63, 0, RNE, (rm, f) -> Binary64.mul(INF, d(-2), rm, f));
    }

    @Test
    void fusedMultiplyAddRoundsOnceAndKnowsRiscvsInvalidCases() {
        // (1 + 2^-52)(1 - 2^-53) - 1 = 2^-53 - 2^-105, exact, and only when fused
        expectModes(new long[] {0x3c9ffffffffffffeL, 0x3c9ffffffffffffeL, 0x3c9ffffffffffffeL, 0x3c9ffffffffffffeL,
            0x3c9ffffffffffffeL}, 0, (rm, f) -> Binary64.fma(ONE + 1, d(1 - 0x1p-53), d(-1), rm, f));
        // MAX * 2 - MAX: the product is beyond the range, the result is not
        expect(MAX, 0, RNE, (rm, f) -> Binary64.fma(MAX, d(2), MAX | 1L << 63, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.fma(INF, 0, Binary64.CANONICAL_NAN, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.fma(1L << 63, INF, QNAN_PAYLOAD, rm, f));
        expect(NAN, 0, RNE, (rm, f) -> Binary64.fma(QNAN_PAYLOAD, ONE, ONE, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.fma(ONE, ONE, SNAN, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary64.fma(INF, ONE, INF | 1L << 63, rm, f));
        expect(INF, 0, RNE, (rm, f) -> Binary64.fma(ONE, ONE, INF, rm, f));
        expectModes(new long[] {0, 0, 1L << 63, 0, 0}, 0, (rm, f) -> Binary64.fma(ONE, ONE, d(-1), rm, f));
        expectModes(new long[] {0, 0, 1L << 63, 0, 0}, 0, (rm, f) -> Binary64.fma(0, d(-1), 0, rm, f));
        expectModes(new long[] {1L << 63, 1L << 63, 1L << 63, 1L << 63, 1L << 63}, 0,
                (rm, f) -> Binary64.fma(1L << 63, ONE, 1L << 63, rm, f));
        // 1 * 1 + 2^-53: a tie, rounded once
        expectModes(new long[] {ONE, ONE, ONE, ONE + 1, ONE + 1}, NX,
                (rm, f) -> Binary64.fma(ONE, ONE, d(0x1p-53), rm, f));
        expectModes(new long[] {INF, MAX, MAX, INF, INF}, OF | NX, (rm, f) -> Binary64.fma(MAX, d(2), ONE, rm, f));
        expectModes(new long[] {0, 0, 0, 1, 1}, NX | UF,
                (rm, f) -> Binary64.fma(d(Double.MIN_VALUE), d(0.5), 0, rm, f));
    }

    @Test
    void onlyStaticRoundingModesAreAccepted() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Binary64.add(ONE, d(0x1p-60), RoundingMode.DYN, new FpFlags()));
    }
}
