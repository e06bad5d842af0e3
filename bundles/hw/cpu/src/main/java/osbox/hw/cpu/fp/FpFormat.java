package osbox.hw.cpu.fp;

/**
 * The parameters of an IEEE 754 binary format that rounding needs: the
 * precision, the exponent range and the encodings of the special values.
 * Results are the format's bits in the low bits of a long (binary32 in the
 * low 32).
 */
final class FpFormat {
    /** binary64: 53-bit significand, exponents -1022 to 1023. */
    static final FpFormat DOUBLE = new FpFormat(53, -1022, 1023, 1L << 63, 0x7ff0000000000000L,
            0x7fefffffffffffffL, Binary64.CANONICAL_NAN);
    /** binary32: 24-bit significand, exponents -126 to 127. */
    static final FpFormat FLOAT = new FpFormat(24, -126, 127, 1L << 31, 0x7f800000L, 0x7f7fffffL,
            Binary32.CANONICAL_NAN);

    /** Significand bits, the hidden one included. */
    final int precision;
    /** Exponent of the smallest normal number. */
    final int emin;
    /** Exponent of the largest finite numbers (also the bias). */
    final int emax;
    /** The sign bit. */
    final long signBit;
    /** +infinity. */
    final long infBits;
    /** The largest finite value, positive. */
    final long maxBits;
    /** The canonical quiet NaN. */
    final long nanBits;

    private FpFormat(int precision, int emin, int emax, long signBit, long infBits, long maxBits, long nanBits) {
        this.precision = precision;
        this.emin = emin;
        this.emax = emax;
        this.signBit = signBit;
        this.infBits = infBits;
        this.maxBits = maxBits;
        this.nanBits = nanBits;
    }

    /** A zero of the given sign. */
    long zero(boolean negative) {
        return negative ? signBit : 0;
    }

    /** An infinity of the given sign. */
    long infinity(boolean negative) {
        return zero(negative) | infBits;
    }

    /** The canonical NaN after an invalid operation: raises NV. */
    long invalid(FpFlags flags) {
        flags.bits |= FpFlags.NV;
        return nanBits;
    }

    /**
     * The bits of {@code value}, which the caller guarantees is a value of
     * this format (an operand passed through unchanged, a zero or an infinity).
     */
    long encode(double value) {
        if (this == DOUBLE) {
            return Double.doubleToRawLongBits(value);
        }
        float narrowed = (float) value;
        if (narrowed != value && !Double.isNaN(value)) {
            throw new IllegalStateException("osbox: fp: " + value + " is not a binary32 value");
        }
        return Float.floatToRawIntBits(narrowed) & 0xffffffffL;
    }
}
