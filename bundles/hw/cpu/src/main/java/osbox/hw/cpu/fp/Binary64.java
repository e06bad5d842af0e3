package osbox.hw.cpu.fp;

/**
 * IEEE 754 binary64 (double) arithmetic as RISC-V's D extension defines it,
 * on raw bits: every rounding mode, exception flags, and a NaN result is
 * always the canonical NaN ({@link #CANONICAL_NAN}). Signalling NaN inputs
 * raise NV. Tininess is detected after rounding.
 *
 * <p>Round to nearest even with moderate finite operands, the common
 * case, runs on the host's doubles ({@link HostRne}); the rest on the
 * exact integer path ({@link ExactOps}).
 *
 * <p>Callers pass a static rounding mode ({@link RoundingMode#RNE} to
 * {@link RoundingMode#RMM}) and the hart's {@link FpFlags}.
 */
public final class Binary64 {
    private Binary64() {
    }

    /** The canonical quiet NaN RISC-V returns for every NaN result. */
    public static final long CANONICAL_NAN = 0x7ff8000000000000L;

    private static final long SIGN = 1L << 63;

    /** a + b. */
    public static long add(long a, long b, int rm, FpFlags flags) {
        if (isNaN(a) || isNaN(b)) {
            return nanResult(isSignalling(a) || isSignalling(b), flags);
        }
        if (rm == RoundingMode.RNE) {
            long r = HostRne.add(value(a), value(b), flags);
            if (r != HostRne.DECLINED) {
                return r;
            }
        }
        return ExactOps.add(value(a), value(b), FpFormat.DOUBLE, rm, flags);
    }

    /** a - b. */
    public static long sub(long a, long b, int rm, FpFlags flags) {
        return add(a, b ^ SIGN, rm, flags); // a NaN b stays a NaN, of the same kind
    }

    /** a * b. */
    public static long mul(long a, long b, int rm, FpFlags flags) {
        if (isNaN(a) || isNaN(b)) {
            return nanResult(isSignalling(a) || isSignalling(b), flags);
        }
        if (rm == RoundingMode.RNE) {
            long r = HostRne.mul(value(a), value(b), flags);
            if (r != HostRne.DECLINED) {
                return r;
            }
        }
        return ExactOps.mul(value(a), value(b), FpFormat.DOUBLE, rm, flags);
    }

    /** a / b. */
    public static long div(long a, long b, int rm, FpFlags flags) {
        if (isNaN(a) || isNaN(b)) {
            return nanResult(isSignalling(a) || isSignalling(b), flags);
        }
        if (rm == RoundingMode.RNE) {
            long r = HostRne.div(value(a), value(b), flags);
            if (r != HostRne.DECLINED) {
                return r;
            }
        }
        return ExactOps.div(value(a), value(b), FpFormat.DOUBLE, rm, flags);
    }

    /** The square root of a. */
    public static long sqrt(long a, int rm, FpFlags flags) {
        if (isNaN(a)) {
            return nanResult(isSignalling(a), flags);
        }
        if (rm == RoundingMode.RNE) {
            long r = HostRne.sqrt(value(a), flags);
            if (r != HostRne.DECLINED) {
                return r;
            }
        }
        return ExactOps.sqrt(value(a), FpFormat.DOUBLE, rm, flags);
    }

    /** a * b + c with one rounding (fmadd.d; the hart negates operands for fmsub, fnmadd, fnmsub). */
    public static long fma(long a, long b, long c, int rm, FpFlags flags) {
        if (isSignalling(a) || isSignalling(b) || isSignalling(c) || isInfinityTimesZero(a, b)) {
            flags.bits |= FpFlags.NV; // RISC-V: inf * 0 is invalid even when c is a quiet NaN
        }
        if (isNaN(a) || isNaN(b) || isNaN(c) || isInfinityTimesZero(a, b)) {
            return CANONICAL_NAN;
        }
        if (rm == RoundingMode.RNE) {
            long r = HostRne.fma(value(a), value(b), value(c), flags);
            if (r != HostRne.DECLINED) {
                return r;
            }
        }
        return ExactOps.fma(value(a), value(b), value(c), FpFormat.DOUBLE, rm, flags);
    }

    // The operand as a double.
    private static double value(long bits) {
        return Double.longBitsToDouble(bits);
    }

    // The canonical NaN for an operation with a NaN operand; NV when one signals.
    private static long nanResult(boolean signalling, FpFlags flags) {
        if (signalling) {
            flags.bits |= FpFlags.NV;
        }
        return CANONICAL_NAN;
    }

    // Whether one factor is an infinity and the other a zero.
    private static boolean isInfinityTimesZero(long a, long b) {
        return (isInfinity(a) && isZero(b)) || (isZero(a) && isInfinity(b));
    }

    /** Whether the bits are a signalling NaN (a NaN whose quiet bit is clear). */
    public static boolean isSignalling(long bits) {
        return (bits & 0x7ff0000000000000L) == 0x7ff0000000000000L && (bits & 0x000fffffffffffffL) != 0
                && (bits & 0x0008000000000000L) == 0;
    }

    // Whether the bits are an infinity of either sign.
    private static boolean isInfinity(long bits) {
        return (bits & ~SIGN) == 0x7ff0000000000000L;
    }

    // Whether the bits are a zero of either sign.
    private static boolean isZero(long bits) {
        return (bits & ~SIGN) == 0;
    }

    /** Whether the bits are a NaN. */
    public static boolean isNaN(long bits) {
        return (bits & 0x7fffffffffffffffL) > 0x7ff0000000000000L;
    }
}
