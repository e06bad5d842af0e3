package osbox.hw.cpu.fp;

/**
 * IEEE 754 binary64 (double) arithmetic as RISC-V's D extension defines it,
 * on raw bits: every rounding mode, exception flags, and a NaN result is
 * always the canonical NaN ({@link #CANONICAL_NAN}). Signalling NaN inputs
 * raise NV. Tininess is detected after rounding.
 *
 * <p>Callers pass a static rounding mode ({@link RoundingMode#RNE} to
 * {@link RoundingMode#RMM}) and the hart's {@link FpFlags}.
 */
public final class Binary64 {
    private Binary64() {
    }

    /** The canonical quiet NaN RISC-V returns for every NaN result. */
    public static final long CANONICAL_NAN = 0x7ff8000000000000L;

    /** a + b. */
    public static long add(long a, long b, int rm, FpFlags flags) {
        return nativeResult(Double.longBitsToDouble(a) + Double.longBitsToDouble(b), a, b, flags);
    }

    /** a - b. */
    public static long sub(long a, long b, int rm, FpFlags flags) {
        return nativeResult(Double.longBitsToDouble(a) - Double.longBitsToDouble(b), a, b, flags);
    }

    /** a * b. */
    public static long mul(long a, long b, int rm, FpFlags flags) {
        return nativeResult(Double.longBitsToDouble(a) * Double.longBitsToDouble(b), a, b, flags);
    }

    /** a / b. */
    public static long div(long a, long b, int rm, FpFlags flags) {
        return nativeResult(Double.longBitsToDouble(a) / Double.longBitsToDouble(b), a, b, flags);
    }

    /** The square root of a. */
    public static long sqrt(long a, int rm, FpFlags flags) {
        return nativeResult(Math.sqrt(Double.longBitsToDouble(a)), a, a, flags);
    }

    /** a * b + c with one rounding (fmadd.d; the hart negates operands for fmsub, fnmadd, fnmsub). */
    public static long fma(long a, long b, long c, int rm, FpFlags flags) {
        return nativeResult(Math.fma(Double.longBitsToDouble(a), Double.longBitsToDouble(b),
                Double.longBitsToDouble(c)), a, b, flags);
    }

    // FIRST VERSION, to be replaced: round to nearest even only, NV only for NaN results and
    // signalling inputs; no NX, OF, UF or DZ. The contract is the class comment's.
    private static long nativeResult(double r, long a, long b, FpFlags flags) {
        if (isSignalling(a) || isSignalling(b)) {
            flags.bits |= FpFlags.NV;
        }
        if (Double.isNaN(r)) {
            return CANONICAL_NAN;
        }
        return Double.doubleToRawLongBits(r);
    }

    /** Whether the bits are a signalling NaN (a NaN whose quiet bit is clear). */
    public static boolean isSignalling(long bits) {
        return (bits & 0x7ff0000000000000L) == 0x7ff0000000000000L && (bits & 0x000fffffffffffffL) != 0
                && (bits & 0x0008000000000000L) == 0;
    }

    /** Whether the bits are a NaN. */
    public static boolean isNaN(long bits) {
        return (bits & 0x7fffffffffffffffL) > 0x7ff0000000000000L;
    }
}
