package osbox.hw.cpu;

/**
 * The M extension's arithmetic that Java does not give directly: high
 * products and RISC-V division, which never traps. Division by zero gives
 * quotient -1 (all ones) and remainder = dividend; signed overflow
 * (MIN / -1) gives MIN and remainder 0. W forms use the low 32 bits and
 * sign-extend the 32-bit result.
 */
public final class MulDiv {
    private MulDiv() {
    }

    /** High 64 bits of the signed 128-bit product. */
    public static long mulh(long a, long b) {
        return Math.multiplyHigh(a, b);
    }

    /** High 64 bits of signed a times unsigned b. */
    public static long mulhsu(long a, long b) {
        return Math.multiplyHigh(a, b) + ((b >> 63) & a);
    }

    /** High 64 bits of the unsigned 128-bit product (Java 17 has no unsignedMultiplyHigh). */
    public static long mulhu(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    public static long div(long a, long b) {
        return b == 0 ? -1 : a / b; // Java's MIN / -1 is MIN, as RISC-V wants
    }

    public static long divu(long a, long b) {
        return b == 0 ? -1 : Long.divideUnsigned(a, b);
    }

    public static long rem(long a, long b) {
        return b == 0 ? a : a % b; // Java's MIN % -1 is 0
    }

    public static long remu(long a, long b) {
        return b == 0 ? a : Long.remainderUnsigned(a, b);
    }

    public static long divw(long a, long b) {
        int x = (int) a;
        int y = (int) b;
        return y == 0 ? -1 : x / y;
    }

    public static long divuw(long a, long b) {
        int x = (int) a;
        int y = (int) b;
        return y == 0 ? -1 : Integer.divideUnsigned(x, y);
    }

    public static long remw(long a, long b) {
        int x = (int) a;
        int y = (int) b;
        return y == 0 ? x : x % y;
    }

    public static long remuw(long a, long b) {
        int x = (int) a;
        int y = (int) b;
        return y == 0 ? x : Integer.remainderUnsigned(x, y);
    }
}
