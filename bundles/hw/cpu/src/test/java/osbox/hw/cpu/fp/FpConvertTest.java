package osbox.hw.cpu.fp;

import static osbox.hw.cpu.fp.Expect.expect;
import static osbox.hw.cpu.fp.Expect.expectModes;
import static osbox.hw.cpu.fp.FpFlags.NV;
import static osbox.hw.cpu.fp.FpFlags.NX;
import static osbox.hw.cpu.fp.FpFlags.OF;
import static osbox.hw.cpu.fp.FpFlags.UF;
import static osbox.hw.cpu.fp.RoundingMode.RNE;
import static osbox.hw.cpu.fp.RoundingMode.RTZ;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * fcvt in every direction: the rounding of each mode, NX, and the
 * saturating cases of the RISC-V spec's table (NaN and too large to the
 * largest value, too small to the smallest, NV and no NX); 32-bit results
 * sign-extended. Hand-picked cases, then seeded random ones against
 * BigDecimal.
 */
class FpConvertTest {
    private static final long NAN64 = Binary64.CANONICAL_NAN;
    private static final long SNAN64 = 0x7ff4000000000000L;
    private static final long INT32_MIN = Integer.MIN_VALUE;

    static long d(double value) {
        return Double.doubleToRawLongBits(value);
    }

    @Test
    void toIntegerRoundsByMode() {
        expectModes(new long[] {2, 2, 2, 3, 3}, NX, (rm, f) -> FpConvert.doubleToInt32(d(2.5), rm, f));
        expectModes(new long[] {-2, -2, -3, -2, -3}, NX, (rm, f) -> FpConvert.doubleToInt32(d(-2.5), rm, f));
        expectModes(new long[] {4, 3, 3, 4, 4}, NX, (rm, f) -> FpConvert.doubleToInt64(d(3.5), rm, f));
        expectModes(new long[] {1, 0, 0, 1, 1}, NX, (rm, f) -> FpConvert.floatToInt32(Float.floatToRawIntBits(0.75f), rm, f));
        expectModes(new long[] {7, 7, 7, 7, 7}, 0, (rm, f) -> FpConvert.floatToUint64(Float.floatToRawIntBits(7f), rm, f));
        expectModes(new long[] {0, 0, -1, 0, 0}, NX, (rm, f) -> FpConvert.doubleToInt64(d(-0x1p-1074), rm, f));
        expectModes(new long[] {0, 0, 0, 0, 0}, 0, (rm, f) -> FpConvert.doubleToInt32(d(-0.0), rm, f));
    }

    @Test
    void signedConversionsSaturateWithInvalid() {
        expect(Integer.MAX_VALUE, NV, RNE, (rm, f) -> FpConvert.doubleToInt32(NAN64, rm, f));
        expect(Integer.MAX_VALUE, NV, RNE, (rm, f) -> FpConvert.doubleToInt32(d(Double.POSITIVE_INFINITY), rm, f));
        expect(INT32_MIN, NV, RNE, (rm, f) -> FpConvert.doubleToInt32(d(Double.NEGATIVE_INFINITY), rm, f));
        expect(Integer.MAX_VALUE, NV, RNE, (rm, f) -> FpConvert.doubleToInt32(d(0x1p31), rm, f));
        expect(Integer.MAX_VALUE, 0, RNE, (rm, f) -> FpConvert.doubleToInt32(d(0x1p31 - 1), rm, f));
        expect(INT32_MIN, 0, RNE, (rm, f) -> FpConvert.doubleToInt32(d(-0x1p31), rm, f));
        // -2^31 - 0.5: in range towards zero, out of range rounded down
        expect(INT32_MIN, NX, RTZ, (rm, f) -> FpConvert.doubleToInt32(d(-0x1p31 - 0.5), rm, f));
        expect(INT32_MIN, NV, RoundingMode.RDN, (rm, f) -> FpConvert.doubleToInt32(d(-0x1p31 - 0.5), rm, f));
        expect(Integer.MAX_VALUE, NV, RoundingMode.RUP, (rm, f) -> FpConvert.doubleToInt32(d(0x1p31 - 0.5), rm, f));
        expect(Long.MAX_VALUE, NV, RNE, (rm, f) -> FpConvert.doubleToInt64(d(0x1p63), rm, f));
        expect(Long.MIN_VALUE, 0, RNE, (rm, f) -> FpConvert.doubleToInt64(d(-0x1p63), rm, f));
        expect(Long.MIN_VALUE, NV, RNE, (rm, f) -> FpConvert.doubleToInt64(d(-1e300), rm, f));
        expect(Long.MAX_VALUE, NV, RNE, (rm, f) -> FpConvert.doubleToInt64(SNAN64, rm, f));
        expect(Long.MAX_VALUE, NV, RNE, (rm, f) -> FpConvert.floatToInt64(0xffc00000, rm, f)); // -NaN: still the largest
        expect(Integer.MAX_VALUE, NV, RNE, (rm, f) -> FpConvert.floatToInt32(0x7f800001, rm, f));
    }

    @Test
    void unsignedConversionsSaturateAndSignExtend() {
        expect(-1L, NV, RNE, (rm, f) -> FpConvert.doubleToUint32(NAN64, rm, f));
        expect(-1L, 0, RNE, (rm, f) -> FpConvert.doubleToUint32(d(4294967295.0), rm, f));
        expect(-1L, NV, RNE, (rm, f) -> FpConvert.doubleToUint32(d(4294967296.0), rm, f));
        expect(0xffffffffb2d05e00L, 0, RNE, (rm, f) -> FpConvert.doubleToUint32(d(3e9), rm, f));
        expect(0, NX, RTZ, (rm, f) -> FpConvert.doubleToUint32(d(-0.5), rm, f)); // rounds to 0: fine
        expect(0, NV, RoundingMode.RDN, (rm, f) -> FpConvert.doubleToUint32(d(-0.5), rm, f)); // rounds to -1
        expect(0, NV, RNE, (rm, f) -> FpConvert.doubleToUint32(d(-1), rm, f));
        expect(0, NV, RNE, (rm, f) -> FpConvert.doubleToUint64(d(Double.NEGATIVE_INFINITY), rm, f));
        expect(-1L, NV, RNE, (rm, f) -> FpConvert.doubleToUint64(d(0x1p64), rm, f));
        expect(0xfffffffffffff800L, 0, RNE, (rm, f) -> FpConvert.doubleToUint64(d(0x1p64 - 2048), rm, f));
        expect(Long.MIN_VALUE, 0, RNE, (rm, f) -> FpConvert.doubleToUint64(d(0x1p63), rm, f));
        expect(-1L, NV, RNE, (rm, f) -> FpConvert.floatToUint64(Binary32.CANONICAL_NAN, rm, f));
        expect(-1L, NV, RNE, (rm, f) -> FpConvert.floatToUint32(Float.floatToRawIntBits(Float.POSITIVE_INFINITY), rm, f));
    }

    @Test
    void integersToFloatingPointRoundByMode() {
        long twoTo53 = d(0x1p53);
        expectModes(new long[] {twoTo53, twoTo53, twoTo53, twoTo53 + 1, twoTo53 + 1}, NX,
                (rm, f) -> FpConvert.int64ToDouble((1L << 53) + 1, false, rm, f));
        expectModes(new long[] {twoTo53 + 2, twoTo53 + 1, twoTo53 + 1, twoTo53 + 2, twoTo53 + 2}, NX,
                (rm, f) -> FpConvert.int64ToDouble((1L << 53) + 3, false, rm, f));
        expect(d(0x1p63), NX, RNE, (rm, f) -> FpConvert.int64ToDouble(Long.MAX_VALUE, false, rm, f));
        expect(d(0x1p63 - 1024), NX, RTZ, (rm, f) -> FpConvert.int64ToDouble(Long.MAX_VALUE, false, rm, f));
        expect(d(-0x1p63), 0, RNE, (rm, f) -> FpConvert.int64ToDouble(Long.MIN_VALUE, false, rm, f));
        expect(d(0x1p63), 0, RNE, (rm, f) -> FpConvert.int64ToDouble(Long.MIN_VALUE, true, rm, f));
        expect(d(0x1p64), NX, RNE, (rm, f) -> FpConvert.int64ToDouble(-1L, true, rm, f));
        expect(d(0x1p64 - 2048), NX, RTZ, (rm, f) -> FpConvert.int64ToDouble(-1L, true, rm, f));
        expect(d(-1), 0, RNE, (rm, f) -> FpConvert.int64ToDouble(-1L, false, rm, f));
        expect(0, 0, RoundingMode.RDN, (rm, f) -> FpConvert.int64ToDouble(0, false, rm, f));
        expect(d(4294967295.0), 0, RNE, (rm, f) -> FpConvert.int64ToDouble(0xffffffffL, true, rm, f));
        expectModes(new long[] {0x4b800000, 0x4b800000, 0x4b800000, 0x4b800001, 0x4b800001}, NX,
                (rm, f) -> FpConvert.int64ToFloat(16777217, false, rm, f));
        expect(0x4f000000, NX, RNE, (rm, f) -> FpConvert.int64ToFloat(Integer.MAX_VALUE, false, rm, f));
        expect(0x4effffff, NX, RTZ, (rm, f) -> FpConvert.int64ToFloat(Integer.MAX_VALUE, false, rm, f));
        expect(0xcf000000L | 0xffffffff00000000L, 0, RNE, (rm, f) -> FpConvert.int64ToFloat(Integer.MIN_VALUE, false, rm, f));
    }

    @Test
    void betweenWidths() {
        int one = Float.floatToRawIntBits(1f);
        expectModes(new long[] {one, one, one, one + 1, one + 1}, NX,
                (rm, f) -> FpConvert.doubleToFloat(d(1 + 0x1p-24), rm, f));
        int max = Float.floatToRawIntBits(Float.MAX_VALUE);
        int inf = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
        expectModes(new long[] {inf, max, max, inf, inf}, OF | NX, (rm, f) -> FpConvert.doubleToFloat(d(1e40), rm, f));
        expectModes(new long[] {0, 0, 0, 1, 0}, NX | UF, (rm, f) -> FpConvert.doubleToFloat(d(1e-50), rm, f));
        expect(Binary32.CANONICAL_NAN, NV, RNE, (rm, f) -> FpConvert.doubleToFloat(SNAN64, rm, f));
        expect(Binary32.CANONICAL_NAN, 0, RNE, (rm, f) -> FpConvert.doubleToFloat(0xfff8000000000001L, rm, f));
        expect(0x80000000L | 0xffffffff00000000L, 0, RNE, (rm, f) -> FpConvert.doubleToFloat(d(-0.0), rm, f));
        expect(Float.floatToRawIntBits(Float.MIN_NORMAL), 0, RNE,
                (rm, f) -> FpConvert.doubleToFloat(d(Float.MIN_NORMAL), rm, f));
        expect(NAN64, NV, RNE, (rm, f) -> FpConvert.floatToDouble(0x7f800001, f));
        expect(NAN64, 0, RNE, (rm, f) -> FpConvert.floatToDouble(0xffc00001, f));
        expect(d(-0.0), 0, RNE, (rm, f) -> FpConvert.floatToDouble(0x80000000, f));
        expect(d(Float.MIN_VALUE), 0, RNE, (rm, f) -> FpConvert.floatToDouble(1, f));
    }

    @Test
    void randomDoublesToEveryIntegerTypeMatchBigDecimal() {
        Operands operands = new Operands(17, false);
        Random random = new Random(18);
        BigInteger[][] ranges = {
            {BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)},
            {BigInteger.ZERO, BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)},
            {BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)},
            {BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)}};
        for (int i = 0; i < 4000; i++) {
            double value = i % 2 == 0 ? operands.next() : Math.scalb(random.nextDouble() - 0.5, random.nextInt(70));
            for (int type = 0; type < 4; type++) {
                for (int rm = 0; rm <= 4; rm++) {
                    BigDecimal exact = new BigDecimal(value);
                    BigInteger rounded = exact.setScale(0, Reference.javaMode(rm)).toBigIntegerExact();
                    BigInteger[] range = ranges[type];
                    long expected;
                    int flags;
                    if (rounded.compareTo(range[0]) < 0 || rounded.compareTo(range[1]) > 0) {
                        expected = (value < 0 ? range[0] : range[1]).longValue();
                        flags = NV;
                    } else {
                        expected = rounded.longValue();
                        flags = new BigDecimal(rounded).compareTo(exact) == 0 ? 0 : NX;
                    }
                    if (type < 2) {
                        expected = (int) expected;
                    }
                    int t = type;
                    expect(expected, flags, rm, (m, f) -> toInteger(t, d(value), m, f));
                }
            }
        }
    }

    // fcvt.w.d, fcvt.wu.d, fcvt.l.d, fcvt.lu.d by number.
    private static long toInteger(int type, long bits, int rm, FpFlags flags) {
        switch (type) {
        case 0:
            return FpConvert.doubleToInt32(bits, rm, flags);
        case 1:
            return FpConvert.doubleToUint32(bits, rm, flags);
        case 2:
            return FpConvert.doubleToInt64(bits, rm, flags);
        default:
            return FpConvert.doubleToUint64(bits, rm, flags);
        }
    }

    @Test
    void randomIntegersToBothWidthsMatchBigDecimal() {
        Random random = new Random(19);
        for (int i = 0; i < 4000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            if (random.nextBoolean()) {
                value &= -1L << random.nextInt(40); // low zeros: exact conversions and ties
            }
            if (value == 0) {
                continue;
            }
            for (boolean unsigned : new boolean[] {false, true}) {
                BigDecimal exact = new BigDecimal(unsigned ? new BigInteger(Long.toUnsignedString(value)) : BigInteger.valueOf(value));
                for (int rm = 0; rm <= 4; rm++) {
                    Reference.Result toDouble = Reference.round(exact, Reference.DOUBLE, rm);
                    long v = value;
                    expect(toDouble.bits(), toDouble.flags(), rm, (m, f) -> FpConvert.int64ToDouble(v, unsigned, m, f));
                    Reference.Result toFloat = Reference.round(exact, Reference.FLOAT, rm);
                    expect((int) toFloat.bits(), toFloat.flags(), rm, (m, f) -> FpConvert.int64ToFloat(v, unsigned, m, f));
                }
            }
        }
    }
}
