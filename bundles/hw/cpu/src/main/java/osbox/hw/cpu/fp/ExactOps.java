package osbox.hw.cpu.fp;

/**
 * The exact arithmetic behind {@link Binary64} and {@link Binary32}: each
 * operation takes operands that are not NaN (binary32 ones widened to
 * double, which is exact), computes the true result as an integer
 * magnitude, an exponent and a sticky bit, and rounds it once to the
 * target format with {@link Rounder}. Infinities, zeros and the invalid
 * cases are decided here, IEEE 754's way.
 */
final class ExactOps {
    private ExactOps() {
    }

    /** a + b for a and b not NaN. */
    static long add(double a, double b, FpFormat f, int rm, FpFlags flags) {
        Rounder.checkedMode(rm);
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            if (Double.isInfinite(a) && Double.isInfinite(b) && negative(a) != negative(b)) {
                return f.invalid(flags); // inf - inf
            }
            return f.infinity(Double.isInfinite(a) ? negative(a) : negative(b));
        }
        if (a == 0 && b == 0) {
            return negative(a) == negative(b) ? f.zero(negative(a)) : f.zero(rm == RoundingMode.RDN);
        }
        if (a == 0 || b == 0) {
            return f.encode(a == 0 ? b : a);
        }
        if (Math.abs(a) < Math.abs(b)) {
            double larger = b;
            b = a;
            a = larger;
        }
        // |a| >= |b|, so a's exponent >= b's; a gets 8 guard bits, b is
        // aligned to them and whatever falls off becomes sticky.
        int ea = exponent(a);
        int shift = ea - exponent(b);
        long big = significand(a) << 8;
        long small = significand(b) << 8;
        boolean sticky = Rounder.dropsBits(small, shift, false);
        small = shift >= 63 ? 0 : small >>> shift;
        long sum;
        if (negative(a) == negative(b)) {
            sum = big + small;
        } else {
            sum = big - small - (sticky ? 1 : 0); // the sticky part is subtracted too: borrow one
        }
        if (sum == 0) {
            return f.zero(rm == RoundingMode.RDN); // exact cancellation (no sticky: shift <= 8 here)
        }
        return Rounder.round(negative(a), sum, ea - 8, sticky, f, rm, flags);
    }

    /** a * b for a and b not NaN. */
    static long mul(double a, double b, FpFormat f, int rm, FpFlags flags) {
        Rounder.checkedMode(rm);
        boolean negative = negative(a) != negative(b);
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == 0 || b == 0 ? f.invalid(flags) : f.infinity(negative);
        }
        if (a == 0 || b == 0) {
            return f.zero(negative);
        }
        long ma = significand(a);
        long mb = significand(b);
        // the 105- or 106-bit product; keep its top 62 bits, the rest sticky
        long high = Math.multiplyHigh(ma, mb);
        long low = ma * mb;
        long mag = (high << 20) | (low >>> 44);
        boolean sticky = (low & ((1L << 44) - 1)) != 0;
        return Rounder.round(negative, mag, exponent(a) + exponent(b) + 44, sticky, f, rm, flags);
    }

    /** a / b for a and b not NaN. */
    static long div(double a, double b, FpFormat f, int rm, FpFlags flags) {
        Rounder.checkedMode(rm);
        boolean negative = negative(a) != negative(b);
        if (Double.isInfinite(a)) {
            return Double.isInfinite(b) ? f.invalid(flags) : f.infinity(negative);
        }
        if (Double.isInfinite(b)) {
            return f.zero(negative);
        }
        if (b == 0) {
            if (a == 0) {
                return f.invalid(flags); // 0/0
            }
            flags.bits |= FpFlags.DZ;
            return f.infinity(negative);
        }
        if (a == 0) {
            return f.zero(negative);
        }
        long ma = significand(a);
        long mb = significand(b);
        // long division, 10 quotient bits a step: q = floor(ma * 2^60 / mb),
        // between 2^59 and 2^61 since both significands have 53 bits
        long quotient = ma / mb;
        long remainder = ma % mb;
        for (int step = 0; step < 6; step++) {
            remainder <<= 10;
            quotient = (quotient << 10) | (remainder / mb);
            remainder %= mb;
        }
        return Rounder.round(negative, quotient, exponent(a) - exponent(b) - 60, remainder != 0, f, rm, flags);
    }

    /** The square root of a, not NaN. */
    static long sqrt(double a, FpFormat f, int rm, FpFlags flags) {
        Rounder.checkedMode(rm);
        if (a == 0 || a == Double.POSITIVE_INFINITY) {
            return f.encode(a); // sqrt(-0) = -0
        }
        if (a < 0) {
            return f.invalid(flags);
        }
        long mag = significand(a);
        int exp = exponent(a);
        if ((exp & 1) != 0) {
            mag <<= 1;
            exp--;
        }
        // a = mag * 2^exp with exp even; mag (at most 54 bits, even when 54) is exact
        // as a double. Its root rounded to nearest, and on which side of it the
        // true root lies (the sign of mag - root^2, exact in one fma at this
        // size), place the true root strictly between root and its neighbour
        // midpoint: root +- an eighth of its ulp rounds alike in every mode.
        double scaled = mag;
        double root = Math.sqrt(scaled);
        int side = (int) Math.signum(Math.fma(-root, root, scaled));
        return Rounder.round(false, (significand(root) << 3) + side, exponent(root) - 3 + exp / 2, false, f, rm,
                flags);
    }

    /**
     * a * b + c with one rounding, for a, b and c not NaN (the caller has
     * already raised NV for inf * 0 with a NaN addend).
     */
    static long fma(double a, double b, double c, FpFormat f, int rm, FpFlags flags) {
        Rounder.checkedMode(rm);
        boolean productNegative = negative(a) != negative(b);
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            if (a == 0 || b == 0 || (Double.isInfinite(c) && negative(c) != productNegative)) {
                return f.invalid(flags); // inf * 0, or inf - inf
            }
            return f.infinity(productNegative);
        }
        if (Double.isInfinite(c)) {
            return f.encode(c);
        }
        if (a == 0 || b == 0) {
            if (c != 0) {
                return f.encode(c);
            }
            return productNegative == negative(c) ? f.zero(productNegative) : f.zero(rm == RoundingMode.RDN);
        }
        if (c == 0) {
            return mul(a, b, f, rm, flags);
        }
        // The exact sum in a 128-bit frame: the operand reaching higher gets its top
        // bit at most at bit 125, the other is aligned to it and what falls
        // off is sticky (it is then at least 2^20 times smaller, so the
        // sticky part never decides more than the last bits).
        Int128 product = Int128.product(significand(a), significand(b));
        int productExp = exponent(a) + exponent(b);
        Int128 addend = new Int128(0, significand(c));
        int addendExp = exponent(c);
        int base = Math.max(productExp + product.bitLength(), addendExp + 53) - 126;
        boolean sticky = align(product, productExp - base) | align(addend, addendExp - base);
        boolean negative;
        if (productNegative == negative(c)) {
            product.add(addend);
            negative = productNegative;
        } else if (product.compareTo(addend) >= 0) {
            product.subtract(addend, sticky ? 1 : 0); // only the smaller one can have lost bits
            negative = productNegative;
        } else {
            addend.subtract(product, sticky ? 1 : 0);
            product = addend;
            negative = !productNegative;
        }
        if (product.isZero() && !sticky) {
            return f.zero(rm == RoundingMode.RDN); // exact cancellation
        }
        int drop = Math.max(0, product.bitLength() - 62);
        sticky |= product.shiftRightLosing(drop);
        return Rounder.round(negative, product.low, base + drop, sticky, f, rm, flags);
    }

    // Moves value to the frame: a shift left by n, or right when n < 0;
    // returns whether bits fell off.
    private static boolean align(Int128 value, int n) {
        if (n >= 0) {
            value.shiftLeft(n);
            return false;
        }
        return value.shiftRightLosing(-n);
    }

    /** Whether the sign bit of a is set (true for -0). */
    static boolean negative(double a) {
        return Double.doubleToRawLongBits(a) < 0;
    }

    /** The 53-bit significand of a finite nonzero a, normalized: bit 52 set, subnormals shifted up. */
    static long significand(double a) {
        long bits = Double.doubleToRawLongBits(a);
        long fraction = bits & 0x000fffffffffffffL;
        long mag = (bits & 0x7ff0000000000000L) == 0 ? fraction : fraction | 0x0010000000000000L;
        return mag << (Long.numberOfLeadingZeros(mag) - 11);
    }

    /** The weight of the low bit of {@link #significand}: a = significand * 2^exponent. */
    static int exponent(double a) {
        long bits = Double.doubleToRawLongBits(a);
        int field = (int) ((bits >>> 52) & 0x7ff);
        long fraction = bits & 0x000fffffffffffffL;
        if (field != 0) {
            return field - 1075;
        }
        return -1074 - (Long.numberOfLeadingZeros(fraction) - 11);
    }
}
