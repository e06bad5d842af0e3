package osbox.hw.cpu.fp;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Hand-picked binary32 cases with the expected bits and flags of each
 * rounding mode (the arithmetic is binary64's, rounded to 24 bits once).
 */
class Binary32Test {
    private static final int NAN = Binary32.CANONICAL_NAN;
    private static final int SNAN = 0x7f800001;
    private static final int QNAN_PAYLOAD = 0xffc01234;
    private static final int INF = s(Float.POSITIVE_INFINITY);
    private static final int MAX = s(Float.MAX_VALUE);
    private static final int ONE = s(1);
    private static final int MINUS = 1 << 31;

    static int s(float value) {
        return Float.floatToRawIntBits(value);
    }

    @Test
    void addAndSubRoundTiesByModeAndZerosBySign() {
        expectModes(new long[] {ONE, ONE, ONE, ONE + 1, ONE + 1}, NX, (rm, f) -> Binary32.add(ONE, s(0x1p-24f), rm, f));
        expectModes(new long[] {MINUS | ONE, MINUS | ONE, MINUS | (ONE + 1), MINUS | ONE, MINUS | (ONE + 1)}, NX,
                (rm, f) -> Binary32.sub(s(-1), s(0x1p-24f), rm, f));
        expectModes(new long[] {0, 0, MINUS, 0, 0}, 0, (rm, f) -> Binary32.sub(ONE, ONE, rm, f));
        expectModes(new long[] {MINUS, MINUS, MINUS, MINUS, MINUS}, 0, (rm, f) -> Binary32.add(MINUS, MINUS, rm, f));
        // 2^24 + 1 + 2^-30: far above the tie, which a sum rounded to double first would lose
        int above = s(16777216f);
        expectModes(new long[] {above + 1, above, above, above + 1, above + 1}, NX,
                (rm, f) -> Binary32.add(s(16777216f), s(1 + 0x1p-23f), rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary32.add(INF, MINUS | INF, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary32.add(SNAN, ONE, rm, f));
        expect(NAN, 0, RNE, (rm, f) -> Binary32.sub(QNAN_PAYLOAD, ONE, rm, f));
    }

    @Test
    void overflowAndUnderflowFollowTheMode() {
        expectModes(new long[] {INF, MAX, MAX, INF, INF}, OF | NX, (rm, f) -> Binary32.add(MAX, MAX, rm, f));
        expectModes(new long[] {MINUS | INF, MINUS | MAX, MINUS | INF, MINUS | MAX, MINUS | INF}, OF | NX,
                (rm, f) -> Binary32.mul(MAX, s(-2), rm, f));
        expectModes(new long[] {0, 0, 0, 1, 1}, NX | UF, (rm, f) -> Binary32.mul(1, s(0.5f), rm, f));
        int minNormal = s(Float.MIN_NORMAL);
        // (1 - 2^-23)(1 + 2^-23) 2^-126 is 2^-126 once rounded to 24 bits, except towards zero
        Expect.Op notTiny = (rm, f) -> Binary32.mul(s(1 - 0x1p-23f), minNormal + 1, rm, f);
        expect(minNormal, NX, RNE, notTiny);
        expect(minNormal - 1, NX | UF, RTZ, notTiny);
        expect(minNormal - 1, NX | UF, RDN, notTiny);
        expect(minNormal, NX, RUP, notTiny);
        expect(minNormal, NX, RMM, notTiny);
        expectModes(new long[] {2, 2, 2, 2, 2}, 0, (rm, f) -> Binary32.add(1, 1, rm, f));
    }

    @Test
    void divisionAndSquareRootRoundByMode() {
        int third = 0x3eaaaaab; // 1/3 rounded to nearest lies above it
        expectModes(new long[] {third, third - 1, third - 1, third, third}, NX, (rm, f) -> Binary32.div(ONE, s(3), rm, f));
        int root2 = 0x3fb504f3; // sqrt(2) rounded to nearest lies below it
        expectModes(new long[] {root2, root2, root2, root2 + 1, root2}, NX, (rm, f) -> Binary32.sqrt(s(2), rm, f));
        expect(INF, DZ, RNE, (rm, f) -> Binary32.div(ONE, 0, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary32.div(0, MINUS, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary32.sqrt(s(-4), rm, f));
        expect(MINUS, 0, RNE, (rm, f) -> Binary32.sqrt(MINUS, rm, f));
        expect(s(3), 0, RUP, (rm, f) -> Binary32.sqrt(s(9), rm, f));
    }

    @Test
    void fusedMultiplyAddRoundsOnce() {
        // (1 + 2^-23)(1 - 2^-24) - 1 = 2^-24 - 2^-47, exact when fused
        expectModes(new long[] {0x337ffffe, 0x337ffffe, 0x337ffffe, 0x337ffffe, 0x337ffffe}, 0,
                (rm, f) -> Binary32.fma(ONE + 1, s(1 - 0x1p-24f), s(-1), rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary32.fma(INF, 0, NAN, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary32.fma(0, MINUS | INF, QNAN_PAYLOAD, rm, f));
        expect(NAN, 0, RNE, (rm, f) -> Binary32.fma(ONE, QNAN_PAYLOAD, ONE, rm, f));
        expect(NAN, NV, RNE, (rm, f) -> Binary32.fma(ONE, ONE, SNAN, rm, f));
        expectModes(new long[] {0, 0, MINUS, 0, 0}, 0, (rm, f) -> Binary32.fma(ONE, s(-1), ONE, rm, f));
        expectModes(new long[] {ONE, ONE, ONE, ONE + 1, ONE + 1}, NX,
                (rm, f) -> Binary32.fma(ONE, ONE, s(0x1p-24f), rm, f));
        expectModes(new long[] {INF, MAX, MAX, INF, INF}, OF | NX, (rm, f) -> Binary32.fma(MAX, s(2), ONE, rm, f));
    }

    @Test
    void signallingNanIsRecognisedInSinglePrecision() {
        assertEquals(true, Binary32.isSignalling(SNAN));
        assertEquals(false, Binary32.isSignalling(NAN));
        assertEquals(false, Binary32.isSignalling(INF));
        assertEquals(true, Binary32.isNaN(QNAN_PAYLOAD));
        assertEquals(false, Binary32.isNaN(MINUS | INF));
    }
}
