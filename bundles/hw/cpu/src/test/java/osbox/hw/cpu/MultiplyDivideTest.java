package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static osbox.hw.cpu.Asm.*;
import static osbox.hw.cpu.Rig.one;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** M: products, high products against BigInteger, and every division edge case. */
class MultiplyDivideTest {
    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;
    private static final long[] SAMPLES = {0, 1, -1, 2, -2, 3, 7, -7, MIN, MAX, MIN + 1, 0x7fffffffL,
        0x80000000L, 0xffffffffL, 0x123456789abcdef0L, 0xfedcba9876543210L, 0xdeadbeefL, -0xdeadbeefL};

    private static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64);

    private static BigInteger unsigned(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v < 0 ? b.add(TWO64) : b;
    }

    private static long high(BigInteger product) {
        return product.shiftRight(64).longValue();
    }

    @Test
    void mulLowBits() {
        assertEquals(42, one(a -> a.mul(T2, T0, T1), 6, 7));
        assertEquals(-42, one(a -> a.mul(T2, T0, T1), -6, 7));
        assertEquals(MIN, one(a -> a.mul(T2, T0, T1), MIN, -1), "wraps");
        assertEquals(0x123456789abcdef0L * 0xfedcba9876543210L,
                one(a -> a.mul(T2, T0, T1), 0x123456789abcdef0L, 0xfedcba9876543210L));
    }

    @Test
    void highProductsMatchBigInteger() {
        for (long x : SAMPLES) {
            for (long y : SAMPLES) {
                long hs = high(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)));
                long hu = high(unsigned(x).multiply(unsigned(y)));
                long hsu = high(BigInteger.valueOf(x).multiply(unsigned(y)));
                assertEquals(hs, MulDiv.mulh(x, y), "mulh " + x + " " + y);
                assertEquals(hu, MulDiv.mulhu(x, y), "mulhu " + x + " " + y);
                assertEquals(hsu, MulDiv.mulhsu(x, y), "mulhsu " + x + " " + y);
            }
        }
    }

    @Test
    void highProductInstructions() {
        assertEquals(-1, one(a -> a.mulh(T2, T0, T1), -1, 1));
        assertEquals(0, one(a -> a.mulhu(T2, T0, T1), -1, 1) - 0, "2^64-1 * 1 has high part 0");
        assertEquals(-2, one(a -> a.mulhu(T2, T0, T1), -1, -1), "(2^64-1)^2 >> 64 = 2^64-2");
        assertEquals(0, one(a -> a.mulh(T2, T0, T1), -1, -1));
        assertEquals(-1, one(a -> a.mulhsu(T2, T0, T1), -1, -1), "-1 * (2^64-1) >> 64 = -1");
        assertEquals(0, one(a -> a.mulhsu(T2, T0, T1), 1, -1));
        assertEquals(0x4000000000000000L, one(a -> a.mulh(T2, T0, T1), MIN, MIN));
        assertEquals(0x4000000000000000L, one(a -> a.mulhu(T2, T0, T1), MIN, MIN));
        assertEquals(0xc000000000000000L, one(a -> a.mulhsu(T2, T0, T1), MIN, MIN));
    }

    @Test
    void mulwSignExtendsLow32() {
        assertEquals(0xffffffff80000000L, one(a -> a.mulw(T2, T0, T1), 0x40000000, 2));
        assertEquals(1, one(a -> a.mulw(T2, T0, T1), 0xffffffffL, 0x1ffffffffL), "-1 * -1, upper bits ignored");
        assertEquals(-6, one(a -> a.mulw(T2, T0, T1), 0x500000002L, -3));
    }

    @Test
    void divisionOrdinary() {
        assertEquals(3, one(a -> a.div(T2, T0, T1), 7, 2));
        assertEquals(-3, one(a -> a.div(T2, T0, T1), -7, 2), "truncates toward zero");
        assertEquals(1, one(a -> a.rem(T2, T0, T1), 7, 2));
        assertEquals(-1, one(a -> a.rem(T2, T0, T1), -7, 2), "sign of the dividend");
        assertEquals(1, one(a -> a.rem(T2, T0, T1), 7, -2));
        assertEquals(Long.divideUnsigned(-7, 2), one(a -> a.divu(T2, T0, T1), -7, 2));
        assertEquals(1, one(a -> a.remu(T2, T0, T1), -7, 2));
        assertEquals(0, one(a -> a.divu(T2, T0, T1), 5, -1));
        assertEquals(5, one(a -> a.remu(T2, T0, T1), 5, -1));
    }

    @Test
    void divisionByZero() {
        assertEquals(-1, one(a -> a.div(T2, T0, T1), 42, 0));
        assertEquals(-1, one(a -> a.div(T2, T0, T1), -42, 0));
        assertEquals(-1, one(a -> a.divu(T2, T0, T1), 42, 0));
        assertEquals(42, one(a -> a.rem(T2, T0, T1), 42, 0));
        assertEquals(-42, one(a -> a.rem(T2, T0, T1), -42, 0));
        assertEquals(-42, one(a -> a.remu(T2, T0, T1), -42, 0));
        assertEquals(-1, one(a -> a.divw(T2, T0, T1), 42, 0x100000000L), "only the low 32 bits of the divisor count");
        assertEquals(-1, one(a -> a.divuw(T2, T0, T1), 42, 0));
        assertEquals(0xffffffff80000000L, one(a -> a.remw(T2, T0, T1), 0x80000000L, 0), "dividend, sign-extended");
        assertEquals(0xffffffff80000000L, one(a -> a.remuw(T2, T0, T1), 0x80000000L, 0), "dividend, sign-extended");
        assertEquals(7, one(a -> a.remw(T2, T0, T1), 0x1200000007L, 0));
        assertEquals(7, one(a -> a.remuw(T2, T0, T1), 0x1200000007L, 0));
    }

    @Test
    void signedOverflow() {
        assertEquals(MIN, one(a -> a.div(T2, T0, T1), MIN, -1));
        assertEquals(0, one(a -> a.rem(T2, T0, T1), MIN, -1));
        assertEquals(0xffffffff80000000L, one(a -> a.divw(T2, T0, T1), 0x80000000L, -1));
        assertEquals(0, one(a -> a.remw(T2, T0, T1), 0x80000000L, -1));
        assertEquals(0, one(a -> a.divu(T2, T0, T1), MIN, -1), "no overflow unsigned");
        assertEquals(MIN, one(a -> a.remu(T2, T0, T1), MIN, -1));
    }

    @Test
    void wordDivisionUsesLow32AndSignExtends() {
        assertEquals(-3, one(a -> a.divw(T2, T0, T1), 0xaaaaaaaafffffff9L, 2));
        assertEquals(-1, one(a -> a.remw(T2, T0, T1), 0xaaaaaaaafffffff9L, 2));
        assertEquals(0x7ffffffc, one(a -> a.divuw(T2, T0, T1), 0xfffffff9L, 2));
        assertEquals(1, one(a -> a.remuw(T2, T0, T1), 0xfffffff9L, 2));
        assertEquals(0xffffffff80000000L, one(a -> a.divuw(T2, T0, T1), 0x80000000L, 1), "result sign-extended");
        assertEquals(0xfffffffffffffffeL, one(a -> a.remuw(T2, T0, T1), 0xfffffffeL, 0xffffffffL));
        assertEquals(0, one(a -> a.divuw(T2, T0, T1), 5, 0xffffffffL));
    }
}
