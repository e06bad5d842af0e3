package osbox.hw.cpu.fp;

/**
 * A 128-bit unsigned integer in two longs, just what the exact fused
 * multiply-add needs: a 106-bit product and a 53-bit addend aligned in one
 * frame below 2^127, so sums never overflow and the high word stays
 * non-negative.
 */
final class Int128 {
    long high;
    long low;

    /** high * 2^64 + low (low unsigned). */
    Int128(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** The product of two non-negative longs below 2^63. */
    static Int128 product(long a, long b) {
        return new Int128(Math.multiplyHigh(a, b), a * b);
    }

    /** The number of significant bits (0 for zero). */
    int bitLength() {
        return high != 0 ? 128 - Long.numberOfLeadingZeros(high) : 64 - Long.numberOfLeadingZeros(low);
    }

    /** Shifts left by n >= 0 bits; the caller guarantees nothing reaches bit 127. */
    void shiftLeft(int n) {
        if (n >= 64) {
            high = low << (n - 64);
            low = 0;
        } else if (n > 0) {
            high = (high << n) | (low >>> (64 - n));
            low <<= n;
        }
    }

    /** Shifts right by n >= 0 bits; returns whether a nonzero bit fell off. */
    boolean shiftRightLosing(int n) {
        boolean lost;
        if (n >= 128) {
            lost = (high | low) != 0;
            high = 0;
            low = 0;
        } else if (n >= 64) {
            lost = low != 0 || (n > 64 && (high << (128 - n)) != 0);
            low = high >>> (n - 64);
            high = 0;
        } else if (n > 0) {
            lost = (low << (64 - n)) != 0;
            low = (low >>> n) | (high << (64 - n));
            high >>>= n;
        } else {
            lost = false;
        }
        return lost;
    }

    /** this += other (no overflow past bit 127, as the frame guarantees). */
    void add(Int128 other) {
        long sum = low + other.low;
        high += other.high + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
        low = sum;
    }

    /** this -= other + borrow (borrow 0 or 1), for this >= other + borrow. */
    void subtract(Int128 other, int borrow) {
        long difference = low - other.low;
        int out = Long.compareUnsigned(low, other.low) < 0 ? 1 : 0;
        long result = difference - borrow;
        if (borrow != 0 && difference == 0) {
            out = 1;
        }
        high -= other.high + out;
        low = result;
    }

    /** The sign of this - other. */
    int compareTo(Int128 other) {
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }

    /** Whether this is zero. */
    boolean isZero() {
        return (high | low) == 0;
    }
}
