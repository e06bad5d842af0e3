package osbox.hw.cpu.fp;

import java.util.Random;

/**
 * Seeded random finite operands for the cross-checks, biased towards the
 * hard cases: subnormals, the overflow boundary, short significands (exact
 * results and ties), and pairs of close exponents (cancellation, carries).
 */
final class Operands {
    private final Random random;
    private final int exponentBits;
    private final int fractionBits;

    Operands(long seed, boolean single) {
        this.random = new Random(seed);
        this.exponentBits = single ? 8 : 11;
        this.fractionBits = single ? 23 : 52;
    }

    /** A finite value of the format (a float widened, for single). */
    double next() {
        int maxField = (1 << exponentBits) - 2;
        int field;
        switch (random.nextInt(5)) {
        case 0:
            field = random.nextInt(maxField + 1);
            break;
        case 1:
            field = random.nextInt(fractionBits + 8); // subnormals and the smallest normals
            break;
        case 2:
            field = maxField - random.nextInt(fractionBits + 8); // near overflow
            break;
        default:
            field = (maxField >> 1) - 30 + random.nextInt(60); // around 1
            break;
        }
        return make(field);
    }

    /** A value whose exponent is near that of {@code near}, sometimes of opposite sign and close value. */
    double near(double near) {
        if (random.nextInt(4) == 0) {
            return -near + (random.nextBoolean() ? 1 : -1) * Math.ulp(near) * random.nextInt(1 << 10);
        }
        int bias = (1 << (exponentBits - 1)) - 1;
        int field = Math.getExponent(near) + bias + random.nextInt(2 * fractionBits + 10) - fractionBits - 5;
        return make(Math.max(0, Math.min((1 << exponentBits) - 2, field)));
    }

    // A value with the given exponent field, a random sign and a random
    // fraction: all of it, or only its top few bits.
    private double make(int field) {
        long fraction = random.nextLong() & ((1L << fractionBits) - 1);
        if (random.nextInt(3) == 0) {
            fraction &= -1L << (fractionBits - random.nextInt(6)); // a short significand
        }
        long sign = random.nextBoolean() ? 1 : 0;
        if (exponentBits == 8) {
            return Float.intBitsToFloat((int) ((sign << 31) | ((long) field << 23) | fraction));
        }
        return Double.longBitsToDouble((sign << 63) | ((long) field << 52) | fraction);
    }
}
