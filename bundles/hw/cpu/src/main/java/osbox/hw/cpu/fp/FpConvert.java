package osbox.hw.cpu.fp;

/**
 * Conversions of RISC-V's F and D extensions (fcvt.*), on raw bits, with a
 * static rounding mode and the hart's flags. To an integer: out of range
 * and NaN saturate as the spec's table says (NaN and +inf to the largest
 * value, -inf to the smallest) and raise NV; an inexact result raises NX.
 * 32-bit integer results are returned sign-extended to 64 bits, as the
 * instruction writes them to rd (fcvt.wu.* too). From an integer: rounded
 * with the mode, NX when inexact. Between widths: double to float rounds
 * (NX, OF, UF), float to double is exact; NaN results are canonical.
 */
public final class FpConvert {
    private FpConvert() {
    }

    /** fcvt.w.d: double to signed 32-bit. */
    public static long doubleToInt32(long a, int rm, FpFlags flags) {
        return (int) Double.longBitsToDouble(a); // FIRST VERSION: truncates; NaN gives 0; no flags
    }

    /** fcvt.wu.d: double to unsigned 32-bit (the result sign-extended from bit 31). */
    public static long doubleToUint32(long a, int rm, FpFlags flags) {
        return (int) (long) Double.longBitsToDouble(a); // FIRST VERSION
    }

    /** fcvt.l.d: double to signed 64-bit. */
    public static long doubleToInt64(long a, int rm, FpFlags flags) {
        return (long) Double.longBitsToDouble(a); // FIRST VERSION
    }

    /** fcvt.lu.d: double to unsigned 64-bit. */
    public static long doubleToUint64(long a, int rm, FpFlags flags) {
        return (long) Double.longBitsToDouble(a); // FIRST VERSION: wrong above 2^63
    }

    /** fcvt.w.s: float to signed 32-bit. */
    public static long floatToInt32(int a, int rm, FpFlags flags) {
        return doubleToInt32(Double.doubleToRawLongBits(Float.intBitsToFloat(a)), rm, flags);
    }

    /** fcvt.wu.s: float to unsigned 32-bit (sign-extended from bit 31). */
    public static long floatToUint32(int a, int rm, FpFlags flags) {
        return doubleToUint32(Double.doubleToRawLongBits(Float.intBitsToFloat(a)), rm, flags);
    }

    /** fcvt.l.s: float to signed 64-bit. */
    public static long floatToInt64(int a, int rm, FpFlags flags) {
        return doubleToInt64(Double.doubleToRawLongBits(Float.intBitsToFloat(a)), rm, flags);
    }

    /** fcvt.lu.s: float to unsigned 64-bit. */
    public static long floatToUint64(int a, int rm, FpFlags flags) {
        return doubleToUint64(Double.doubleToRawLongBits(Float.intBitsToFloat(a)), rm, flags);
    }

    /** fcvt.d.w / fcvt.d.l / fcvt.d.wu / fcvt.d.lu: {@code value} (already zero- or sign-extended to 64 bits) to double; {@code unsigned}: read as unsigned 64-bit. */
    public static long int64ToDouble(long value, boolean unsigned, int rm, FpFlags flags) {
        return Double.doubleToRawLongBits(unsigned && value < 0 ? (double) (value >>> 1) * 2.0 : (double) value); // FIRST VERSION
    }

    /** fcvt.s.w / fcvt.s.l / fcvt.s.wu / fcvt.s.lu: as {@link #int64ToDouble} but to float. */
    public static int int64ToFloat(long value, boolean unsigned, int rm, FpFlags flags) {
        return Float.floatToRawIntBits(unsigned && value < 0 ? (float) (value >>> 1) * 2.0f : (float) value); // FIRST VERSION
    }

    /** fcvt.s.d: double to float. */
    public static int doubleToFloat(long a, int rm, FpFlags flags) {
        if (Binary64.isNaN(a)) {
            if (Binary64.isSignalling(a)) {
                flags.bits |= FpFlags.NV;
            }
            return Binary32.CANONICAL_NAN;
        }
        return Float.floatToRawIntBits((float) Double.longBitsToDouble(a)); // FIRST VERSION: RNE, no flags
    }

    /** fcvt.d.s: float to double (exact; NV for a signalling NaN). */
    public static long floatToDouble(int a, FpFlags flags) {
        if (Binary32.isNaN(a)) {
            if (Binary32.isSignalling(a)) {
                flags.bits |= FpFlags.NV;
            }
            return Binary64.CANONICAL_NAN;
        }
        return Double.doubleToRawLongBits(Float.intBitsToFloat(a));
    }
}
