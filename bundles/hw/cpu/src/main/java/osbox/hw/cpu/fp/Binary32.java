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

    /** a + b. */
    public static int add(int a, int b, int rm, FpFlags flags) {
        return nativeResult(Float.intBitsToFloat(a) + Float.intBitsToFloat(b), a, b, flags);
    }

    /** a - b. */
    public static int sub(int a, int b, int rm, FpFlags flags) {
        return nativeResult(Float.intBitsToFloat(a) - Float.intBitsToFloat(b), a, b, flags);
    }

    /** a * b. */
    public static int mul(int a, int b, int rm, FpFlags flags) {
        return nativeResult(Float.intBitsToFloat(a) * Float.intBitsToFloat(b), a, b, flags);
    }

    /** a / b. */
    public static int div(int a, int b, int rm, FpFlags flags) {
        return nativeResult(Float.intBitsToFloat(a) / Float.intBitsToFloat(b), a, b, flags);
    }

    /** The square root of a. */
    public static int sqrt(int a, int rm, FpFlags flags) {
        return nativeResult((float) Math.sqrt(Float.intBitsToFloat(a)), a, a, flags);
    }

    /** a * b + c with one rounding (fmadd.s; the hart negates operands for fmsub, fnmadd, fnmsub). */
    public static int fma(int a, int b, int c, int rm, FpFlags flags) {
        return nativeResult(Math.fma(Float.intBitsToFloat(a), Float.intBitsToFloat(b),
                Float.intBitsToFloat(c)), a, b, flags);
    }

    // FIRST VERSION, to be replaced: round to nearest even only, NV only for NaN results and
    // signalling inputs; no NX, OF, UF or DZ. The contract is the class comment's.
    private static int nativeResult(float r, int a, int b, FpFlags flags) {
        if (isSignalling(a) || isSignalling(b)) {
            flags.bits |= FpFlags.NV;
        }
        if (Float.isNaN(r)) {
            return CANONICAL_NAN;
        }
        return Float.floatToRawIntBits(r);
    }

    /** Whether the bits are a signalling NaN (a NaN whose quiet bit is clear). */
    public static boolean isSignalling(int bits) {
        return (bits & 0x7ff0000000000000L) == 0x7ff0000000000000L && (bits & 0x000fffffffffffffL) != 0
                && (bits & 0x0008000000000000L) == 0;
    }

    /** Whether the bits are a NaN. */
    public static boolean isNaN(int bits) {
        return (bits & 0x7fffffffffffffffL) > 0x7ff0000000000000L;
    }
}
