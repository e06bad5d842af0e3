package osbox.hw.cpu.fp;

/**
 * IEEE 754 binary32 (float) arithmetic as RISC-V's F extension defines it,
 * on raw bits: every rounding mode, exception flags, and a NaN result is
 * always the canonical NaN ({@link #CANONICAL_NAN}). Signalling NaN inputs
 * raise NV. Tininess is detected after rounding.
 *
 * <p>Callers pass a static rounding mode ({@link RoundingMode#RNE} to
 * {@link RoundingMode#RMM}) and the hart's {@link FpFlags}.
 */
public final class Binary32 {
    private Binary32() {
    }

    /** The canonical quiet NaN RISC-V returns for every NaN result. */
    public static final int CANONICAL_NAN = 0x7fc00000;

    private static final int SIGN = 1 << 31;

    /** a + b. */
    public static int add(int a, int b, int rm, FpFlags flags) {
        if (isNaN(a) || isNaN(b)) {
            return nanResult(isSignalling(a) || isSignalling(b), flags);
        }
        return (int) ExactOps.add(wide(a), wide(b), FpFormat.FLOAT, rm, flags);
    }

    /** a - b. */
    public static int sub(int a, int b, int rm, FpFlags flags) {
        return add(a, b ^ SIGN, rm, flags); // a NaN b stays a NaN, of the same kind
    }

    /** a * b. */
    public static int mul(int a, int b, int rm, FpFlags flags) {
        if (isNaN(a) || isNaN(b)) {
            return nanResult(isSignalling(a) || isSignalling(b), flags);
        }
        return (int) ExactOps.mul(wide(a), wide(b), FpFormat.FLOAT, rm, flags);
    }

    /** a / b. */
    public static int div(int a, int b, int rm, FpFlags flags) {
        if (isNaN(a) || isNaN(b)) {
            return nanResult(isSignalling(a) || isSignalling(b), flags);
        }
        return (int) ExactOps.div(wide(a), wide(b), FpFormat.FLOAT, rm, flags);
    }

    /** The square root of a. */
    public static int sqrt(int a, int rm, FpFlags flags) {
        if (isNaN(a)) {
            return nanResult(isSignalling(a), flags);
        }
        return (int) ExactOps.sqrt(wide(a), FpFormat.FLOAT, rm, flags);
    }

    /** a * b + c with one rounding (fmadd.s; the hart negates operands for fmsub, fnmadd, fnmsub). */
    public static int fma(int a, int b, int c, int rm, FpFlags flags) {
        if (isSignalling(a) || isSignalling(b) || isSignalling(c) || isInfinityTimesZero(a, b)) {
            flags.bits |= FpFlags.NV; // RISC-V: inf * 0 is invalid even when c is a quiet NaN
        }
        if (isNaN(a) || isNaN(b) || isNaN(c) || isInfinityTimesZero(a, b)) {
            return CANONICAL_NAN;
        }
        return (int) ExactOps.fma(wide(a), wide(b), wide(c), FpFormat.FLOAT, rm, flags);
    }

    // The operand as a double (exact: every binary32 value is a binary64 value).
    private static double wide(int bits) {
        return Float.intBitsToFloat(bits);
    }

    // The canonical NaN for an operation with a NaN operand; NV when one signals.
    private static int nanResult(boolean signalling, FpFlags flags) {
        if (signalling) {
            flags.bits |= FpFlags.NV;
        }
        return CANONICAL_NAN;
    }

    // Whether one factor is an infinity and the other a zero.
    private static boolean isInfinityTimesZero(int a, int b) {
        return (isInfinity(a) && isZero(b)) || (isZero(a) && isInfinity(b));
    }

    /** Whether the bits are a signalling NaN (a NaN whose quiet bit is clear). */
    public static boolean isSignalling(int bits) {
        return (bits & 0x7f800000) == 0x7f800000 && (bits & 0x007fffff) != 0 && (bits & 0x00400000) == 0;
    }

    // Whether the bits are an infinity of either sign.
    private static boolean isInfinity(int bits) {
        return (bits & ~SIGN) == 0x7f800000;
    }

    // Whether the bits are a zero of either sign.
    private static boolean isZero(int bits) {
        return (bits & ~SIGN) == 0;
    }

    /** Whether the bits are a NaN. */
    public static boolean isNaN(int bits) {
        return (bits & 0x7fffffff) > 0x7f800000;
    }
}
