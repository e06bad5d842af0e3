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
        return toInteger(a, INT32, rm, flags);
    }

    /** fcvt.wu.d: double to unsigned 32-bit (the result sign-extended from bit 31). */
    public static long doubleToUint32(long a, int rm, FpFlags flags) {
        return toInteger(a, UINT32, rm, flags);
    }

    /** fcvt.l.d: double to signed 64-bit. */
    public static long doubleToInt64(long a, int rm, FpFlags flags) {
        return toInteger(a, INT64, rm, flags);
    }

    /** fcvt.lu.d: double to unsigned 64-bit. */
    public static long doubleToUint64(long a, int rm, FpFlags flags) {
        return toInteger(a, UINT64, rm, flags);
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

    /**
     * fcvt.d.w / fcvt.d.l / fcvt.d.wu / fcvt.d.lu: {@code value} (already
     * zero- or sign-extended to 64 bits) to double; {@code unsigned}: read
     * as unsigned 64-bit.
     */
    public static long int64ToDouble(long value, boolean unsigned, int rm, FpFlags flags) {
        return fromInteger(value, unsigned, FpFormat.DOUBLE, rm, flags);
    }

    /** fcvt.s.w / fcvt.s.l / fcvt.s.wu / fcvt.s.lu: as {@link #int64ToDouble} but to float. */
    public static int int64ToFloat(long value, boolean unsigned, int rm, FpFlags flags) {
        return (int) fromInteger(value, unsigned, FpFormat.FLOAT, rm, flags);
    }

    /** fcvt.s.d: double to float. */
    public static int doubleToFloat(long a, int rm, FpFlags flags) {
        if (Binary64.isNaN(a)) {
            if (Binary64.isSignalling(a)) {
                flags.bits |= FpFlags.NV;
            }
            return Binary32.CANONICAL_NAN;
        }
        double value = Double.longBitsToDouble(a);
        Rounder.checkedMode(rm);
        if (value == 0 || Double.isInfinite(value)) {
            return (int) FpFormat.FLOAT.encode(value);
        }
        return (int) Rounder.round(ExactOps.negative(value), ExactOps.significand(value), ExactOps.exponent(value),
                false, FpFormat.FLOAT, rm, flags);
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

    // An integer type fcvt converts to: its width, signedness and range.
    private static final class IntegerType {
        final int width;
        /** The largest magnitude of a positive result (an unsigned long). */
        final long positiveLimit;
        /** The largest magnitude of a negative result (an unsigned long; 0 when unsigned). */
        final long negativeLimit;

        IntegerType(int width, boolean unsigned) {
            this.width = width;
            long unsignedMax = width == 64 ? -1L : (1L << width) - 1;
            this.positiveLimit = unsigned ? unsignedMax : unsignedMax >>> 1;
            this.negativeLimit = unsigned ? 0 : 1L << (width - 1);
        }

        // A result as rd receives it: 32-bit results sign-extended from bit 31.
        long written(long value) {
            return width == 32 ? (int) value : value;
        }
    }

    private static final IntegerType INT32 = new IntegerType(32, false);
    private static final IntegerType UINT32 = new IntegerType(32, true);
    private static final IntegerType INT64 = new IntegerType(64, false);
    private static final IntegerType UINT64 = new IntegerType(64, true);

    // The double a rounded to an integer of the type with rm. Out of range,
    // infinities and NaN raise NV (and not NX) and saturate: NaN and too
    // large to the largest value, too small to the smallest.
    private static long toInteger(long a, IntegerType type, int rm, FpFlags flags) {
        Rounder.checkedMode(rm);
        double value = Double.longBitsToDouble(a);
        if (Double.isNaN(value)) {
            flags.bits |= FpFlags.NV;
            return type.written(type.positiveLimit);
        }
        boolean negative = value < 0;
        if (value == 0) {
            return 0;
        }
        long mag = 0;
        boolean inRange = !Double.isInfinite(value);
        boolean inexact = false;
        if (inRange) {
            long significand = ExactOps.significand(value);
            int exp = ExactOps.exponent(value);
            if (exp > 11) {
                inRange = false; // at least 2^64
            } else if (exp >= 0) {
                mag = significand << exp;
            } else {
                mag = Rounder.shiftRound(significand, -exp, false, negative, rm);
                inexact = Rounder.dropsBits(significand, -exp, false);
            }
            long limit = negative ? type.negativeLimit : type.positiveLimit;
            inRange = inRange && Long.compareUnsigned(mag, limit) <= 0;
        }
        if (!inRange) {
            flags.bits |= FpFlags.NV;
            return type.written(negative ? -type.negativeLimit : type.positiveLimit);
        }
        if (inexact) {
            flags.bits |= FpFlags.NX;
        }
        return type.written(negative ? -mag : mag);
    }

    // The integer (signed, or unsigned 64-bit) rounded to the format with rm.
    private static long fromInteger(long value, boolean unsigned, FpFormat f, int rm, FpFlags flags) {
        Rounder.checkedMode(rm);
        if (value == 0) {
            return f.zero(false);
        }
        boolean negative = !unsigned && value < 0;
        long mag = negative ? -value : value;
        if (mag < 0) {
            // 2^63 or more: halve it, the lost bit becomes sticky (mag keeps 63 bits)
            return Rounder.round(negative, mag >>> 1, 1, (mag & 1) != 0, f, rm, flags);
        }
        return Rounder.round(negative, mag, 0, false, f, rm, flags);
    }
}
