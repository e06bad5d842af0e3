package osbox.kernel.elf;

import java.math.BigInteger;

/** Unsigned 64-bit arithmetic for file offsets and addresses read from an ELF file. */
final class Unsigned {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private Unsigned() {
    }

    // Whether a + b does not fit in 64 unsigned bits.
    static boolean sumOverflows(long a, long b) {
        return Long.compareUnsigned(a + b, a) < 0;
    }

    // Whether the range [start, start+len) lies inside [0, limit); limit >= 0.
    static boolean within(long start, long len, long limit) {
        return !sumOverflows(start, len) && Long.compareUnsigned(start + len, limit) <= 0;
    }

    // a + b in decimal, exactly, even past 2^64.
    static String sum(long a, long b) {
        return big(a).add(big(b)).toString();
    }

    // a + b in hexadecimal with 0x, exactly, even past 2^64.
    static String hexSum(long a, long b) {
        return "0x" + big(a).add(big(b)).toString(16);
    }

    private static BigInteger big(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v < 0 ? b.add(TWO_64) : b;
    }
}
