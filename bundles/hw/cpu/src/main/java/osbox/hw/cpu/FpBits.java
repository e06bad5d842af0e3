package osbox.hw.cpu;

import osbox.hw.cpu.fp.Binary32;
import osbox.hw.cpu.fp.Binary64;
import osbox.hw.cpu.fp.FpFlags;

/**
 * The F/D operations that are not arithmetic, on raw bits: NaN-boxing,
 * fmin/fmax (spec 2.2: a NaN operand yields the other, two NaNs the
 * canonical NaN, -0 below +0, NV for a signalling NaN), feq/flt/fle, and
 * fclass. {@code fmt} is 0 for single precision (the value in the low 32
 * bits, zero-extended) and 1 for double.
 */
final class FpBits {
    private FpBits() {
    }

    static final int SINGLE = 0, DOUBLE = 1;
    private static final long[] SIGN = {0x80000000L, 0x8000000000000000L};
    private static final long[] EXPONENT = {0x7f800000L, 0x7ff0000000000000L};
    private static final long[] QUIET = {0x00400000L, 0x0008000000000000L};
    private static final long[] CANONICAL_NAN = {Binary32.CANONICAL_NAN & 0xffffffffL, Binary64.CANONICAL_NAN};
    private static final long BOX = 0xffffffff00000000L;

    /** A single-precision value as an f register holds it: NaN-boxed. */
    static long box(int bits) {
        return BOX | (bits & 0xffffffffL);
    }

    /** The single-precision value in an f register: the canonical NaN unless it is properly NaN-boxed. */
    static int unbox(long reg) {
        return (reg & BOX) == BOX ? (int) reg : Binary32.CANONICAL_NAN;
    }

    /** Whether v (low 32 bits for SINGLE) is a NaN: the numeric library's test, for either format. */
    static boolean isNaN(long v, int fmt) {
        return fmt == SINGLE ? Binary32.isNaN((int) v) : Binary64.isNaN(v);
    }

    /** Whether v is a signalling NaN: the numeric library's test, for either format. */
    static boolean isSignalling(long v, int fmt) {
        return fmt == SINGLE ? Binary32.isSignalling((int) v) : Binary64.isSignalling(v);
    }

    // An integer that orders non-NaN values as the reals do, with -0 below +0.
    private static long order(long v, int fmt) {
        long magnitude = v & (SIGN[fmt] - 1);
        return (v & SIGN[fmt]) != 0 ? -magnitude - 1 : magnitude;
    }

    /** fmin (max = false) or fmax (max = true) of a and b. */
    static long minMax(long a, long b, int fmt, boolean max, FpFlags flags) {
        if (isSignalling(a, fmt) || isSignalling(b, fmt)) {
            flags.bits |= FpFlags.NV;
        }
        boolean nanA = isNaN(a, fmt);
        boolean nanB = isNaN(b, fmt);
        if (nanA || nanB) {
            return nanA && nanB ? CANONICAL_NAN[fmt] : nanA ? b : a;
        }
        boolean aBelow = order(a, fmt) < order(b, fmt);
        return aBelow != max ? a : b;
    }

    /** feq: 1 if a == b (+0 == -0); NaN gives 0, NV only for a signalling NaN. */
    static long eq(long a, long b, int fmt, FpFlags flags) {
        if (isNaN(a, fmt) || isNaN(b, fmt)) {
            if (isSignalling(a, fmt) || isSignalling(b, fmt)) {
                flags.bits |= FpFlags.NV;
            }
            return 0;
        }
        return a == b || bothZero(a, b, fmt) ? 1 : 0;
    }

    /** flt (orEqual = false) or fle (orEqual = true): NaN gives 0 and NV for any NaN. */
    static long less(long a, long b, int fmt, boolean orEqual, FpFlags flags) {
        if (isNaN(a, fmt) || isNaN(b, fmt)) {
            flags.bits |= FpFlags.NV;
            return 0;
        }
        if (bothZero(a, b, fmt)) {
            return orEqual ? 1 : 0;
        }
        long oa = order(a, fmt);
        long ob = order(b, fmt);
        return oa < ob || orEqual && oa == ob ? 1 : 0;
    }

    private static boolean bothZero(long a, long b, int fmt) {
        return ((a | b) & (SIGN[fmt] - 1)) == 0;
    }

    /**
     * fclass: one bit set: 0 -inf, 1 negative normal, 2 negative subnormal,
     * 3 -0, 4 +0, 5 positive subnormal, 6 positive normal, 7 +inf,
     * 8 signalling NaN, 9 quiet NaN.
     */
    static long classify(long v, int fmt) {
        boolean negative = (v & SIGN[fmt]) != 0;
        long magnitude = v & (SIGN[fmt] - 1);
        long exponent = EXPONENT[fmt];
        int bit;
        if (magnitude > exponent) {
            bit = (v & QUIET[fmt]) != 0 ? 9 : 8;
        } else if (magnitude == exponent) {
            bit = negative ? 0 : 7;
        } else if (magnitude == 0) {
            bit = negative ? 3 : 4;
        } else if ((magnitude & exponent) == 0) {
            bit = negative ? 2 : 5;
        } else {
            bit = negative ? 1 : 6;
        }
        return 1L << bit;
    }
}
