package osbox.hw.cpu.fp;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A slow, independent model of IEEE 754 rounding for the tests: exact
 * values as BigDecimal, rounded with java.math's rounding modes, results
 * built with Math.scalb. Quotients and square roots are truncated to 1,100
 * decimal places and nudged by a tenth of their last place when inexact:
 * every rounding boundary of binary64 and binary32 (a value or a midpoint)
 * has at most 1,075 places, so none lies between the nudged and the true
 * value, and both round alike.
 */
final class Reference {
    private Reference() {
    }

    /** An expected result: the format's bits (binary32 in the low 32) and the flags. */
    record Result(long bits, int flags) {
    }

    /** The parameters of a format, spelled here again on purpose (not FpFormat's). */
    record Format(int precision, int emin, int emax, boolean single) {
    }

    static final Format DOUBLE = new Format(53, -1022, 1023, false);
    static final Format FLOAT = new Format(24, -126, 127, true);

    /** Decimal places of inexact quotients and roots: more than any binary64 boundary has (1,075). */
    private static final int PLACES = 1100;

    /** The exact value of a finite double. */
    static BigDecimal exact(double value) {
        return new BigDecimal(value);
    }

    /** a / b (b nonzero), exact or truncated to 1,100 places and nudged. */
    static BigDecimal quotient(BigDecimal a, BigDecimal b) {
        BigDecimal q = a.divide(b, PLACES, java.math.RoundingMode.DOWN);
        return q.multiply(b).compareTo(a) == 0 ? q : nudged(q, a.signum() * b.signum(), PLACES);
    }

    /**
     * The square root of a > 0, exact or truncated and nudged. The places
     * kept depend on the root's size: a root near 2^k has boundaries with
     * about 55 - k places (BigInteger.sqrt is slow on long numbers).
     */
    static BigDecimal root(BigDecimal a) {
        int log2 = (int) Math.floor((a.precision() - a.scale()) * (Math.log(10) / Math.log(2)));
        int places = Math.max(10, 70 - log2 / 2);
        BigDecimal shifted = a.movePointRight(2 * places);
        BigInteger scaled = shifted.toBigInteger();
        BigInteger r = scaled.sqrt();
        BigDecimal q = new BigDecimal(r, places);
        boolean exact = shifted.compareTo(new BigDecimal(scaled)) == 0 && r.multiply(r).equals(scaled);
        return exact ? q : nudged(q, 1, places);
    }

    // q, truncated toward zero, moved a tenth of its last place away from zero (sign: the true value's).
    private static BigDecimal nudged(BigDecimal q, int sign, int places) {
        BigDecimal tenth = BigDecimal.ONE.scaleByPowerOfTen(-(places + 1));
        return sign < 0 ? q.subtract(tenth) : q.add(tenth);
    }

    private static final int POW2_RANGE = 2400;
    private static final BigDecimal[] POW2 = new BigDecimal[2 * POW2_RANGE + 1];

    /** 2^k exactly (remembered: the powers of 5 are the slow part of the reference). */
    static BigDecimal pow2(int k) {
        if (k < -POW2_RANGE || k > POW2_RANGE) {
            throw new IllegalArgumentException("2^" + k + " is outside the reference's range");
        }
        BigDecimal power = POW2[k + POW2_RANGE];
        if (power == null) {
            power = k >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(k)) : new BigDecimal(BigInteger.valueOf(5).pow(-k), -k);
            POW2[k + POW2_RANGE] = power;
        }
        return power;
    }

    /** java.math's mode for a RISC-V one. */
    static java.math.RoundingMode javaMode(int rm) {
        switch (rm) {
        case 0:
            return java.math.RoundingMode.HALF_EVEN;
        case 1:
            return java.math.RoundingMode.DOWN;
        case 2:
            return java.math.RoundingMode.FLOOR;
        case 3:
            return java.math.RoundingMode.CEILING;
        case 4:
            return java.math.RoundingMode.HALF_UP;
        default:
            throw new IllegalArgumentException("mode " + rm);
        }
    }

    /** The exact nonzero x rounded to the format with rm: bits and NX, UF, OF. */
    static Result round(BigDecimal x, Format f, int rm) {
        if (x.signum() == 0) {
            throw new IllegalArgumentException("the reference rounds nonzero values only");
        }
        boolean negative = x.signum() < 0;
        int e = floorLog2(x.abs());
        int q = Math.max(e, f.emin()) - (f.precision() - 1);
        BigDecimal scaled = x.multiply(pow2(-q));
        BigInteger k = scaled.setScale(0, javaMode(rm)).toBigIntegerExact();
        boolean inexact = scaled.compareTo(new BigDecimal(k)) != 0;
        BigInteger mag = k.abs();
        if (mag.bitLength() > f.precision()) {
            mag = mag.shiftRight(1);
            q++;
        }
        int flags = inexact ? FpFlags.NX : 0;
        if (mag.signum() != 0 && q + mag.bitLength() - 1 > f.emax()) {
            boolean toInfinity = rm == 0 || rm == 4 || (rm == 2 && negative) || (rm == 3 && !negative);
            double big = toInfinity ? Double.POSITIVE_INFINITY : (f.single() ? Float.MAX_VALUE : Double.MAX_VALUE);
            return new Result(bits(negative ? -big : big, f), FpFlags.OF | FpFlags.NX);
        }
        if (inexact && e < f.emin()) {
            int qu = e - (f.precision() - 1);
            BigInteger ku = x.multiply(pow2(-qu)).setScale(0, javaMode(rm)).toBigIntegerExact().abs();
            if (new BigDecimal(ku).multiply(pow2(qu)).compareTo(pow2(f.emin())) < 0) {
                flags |= FpFlags.UF;
            }
        }
        double value = f.single() ? Math.scalb((float) mag.longValueExact(), q) : Math.scalb((double) mag.longValueExact(), q);
        return new Result(bits(negative ? -value : value, f), flags);
    }

    /** The bits of a value of the format. */
    static long bits(double value, Format f) {
        return f.single() ? Float.floatToRawIntBits((float) value) & 0xffffffffL : Double.doubleToRawLongBits(value);
    }

    // The e with 2^e <= x < 2^(e+1), for x > 0.
    private static int floorLog2(BigDecimal x) {
        int e = x.unscaledValue().bitLength() - 1 - (int) Math.ceil(x.scale() * (Math.log(10) / Math.log(2)));
        while (pow2(e).compareTo(x) > 0) {
            e--;
        }
        while (pow2(e + 1).compareTo(x) <= 0) {
            e++;
        }
        return e;
    }
}
