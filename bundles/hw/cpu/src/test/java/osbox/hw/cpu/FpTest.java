package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static osbox.hw.cpu.Asm.*;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import osbox.api.hw.HartContext;
import osbox.api.hw.TrapCause;

/**
 * The F and D extensions as the hart runs them: NaN-boxing, loads and
 * stores (compressed too), fmin/fmax and the compares on their corner cases
 * (spec 2.2), fclass, moves, sign injection, the fused multiply-add
 * variants, conversions, illegal rounding modes, and fflags accruing.
 * Expected values are the spec's; every arithmetic result here is exact, so
 * the rounding itself is the numeric library's tests' business.
 */
class FpTest {
    private static final long SNAN_D = 0x7ff4000000000000L;
    private static final long QNAN_D = 0x7ffc000000000000L;
    private static final long CANONICAL_D = 0x7ff8000000000000L;
    private static final int SNAN_S = 0x7fa00000;
    private static final int QNAN_S = 0x7fe00000;
    private static final long CANONICAL_S_BOXED = 0xffffffff7fc00000L;
    private static final int NV = 16, NX = 1;

    private static Rig rig(Consumer<Asm> body) {
        return new Rig().code(a -> {
            body.accept(a);
            a.ecall();
        });
    }

    private static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static long s(float v) {
        return 0xffffffff00000000L | (Float.floatToRawIntBits(v) & 0xffffffffL);
    }

    private static long boxed(int bits) {
        return 0xffffffff00000000L | (bits & 0xffffffffL);
    }

    @Test
    void singleResultsAreNanBoxedAndBadlyBoxedInputsReadAsTheCanonicalNan() {
        Rig r = rig(a -> {
            a.fadd(S, FA0, FA1, FA2); // 1.5 + 2.25
            a.fadd(S, FA3, FT0, FA2); // ft0 not boxed: NaN
            a.fsgnj(S, FT1, FT0, FA1); // the canonical NaN gets fa1's (positive) sign
            a.fmvToX(S, A0, FT0); // the low 32 bits, sign-extended, boxed or not
            a.fmvFromX(S, FT2, A1);
            a.fcvtDS(FS0, FT0); // a NaN
        });
        r.ctx.f[FA1] = s(1.5f);
        r.ctx.f[FA2] = s(2.25f);
        r.ctx.f[FT0] = 0x000000003f800000L; // 1.0f without its box
        r.set(A1, 0x12345678_c0000000L);
        r.runToEcall();
        assertEquals(s(3.75f), r.ctx.f[FA0]);
        assertEquals(CANONICAL_S_BOXED, r.ctx.f[FA3]);
        assertEquals(CANONICAL_S_BOXED, r.ctx.f[FT1]);
        assertEquals(0x3f800000L, r.x(A0));
        assertEquals(boxed(0xc0000000), r.ctx.f[FT2]);
        assertEquals(CANONICAL_D, r.ctx.f[FS0]);
        assertEquals(0, r.ctx.fcsr, "a quiet NaN raises nothing");
    }

    @Test
    void fmvXwSignExtends() {
        Rig r = rig(a -> a.fmvToX(S, A0, FA0).fmvToX(D, A1, FA0));
        r.ctx.f[FA0] = boxed(0x80000001);
        r.runToEcall();
        assertEquals(0xffffffff80000001L, r.x(A0));
        assertEquals(0xffffffff80000001L, r.x(A1));
    }

    @Test
    void loadsAndStores() {
        long data = Rig.DATA;
        Rig r = rig(a -> {
            a.flw(FA0, S0, 0);
            a.fld(FA1, S0, 8);
            a.fsw(FA2, S0, 16); // the low 32 bits of an unboxed register
            a.fsd(FA1, S0, 24);
            a.fsw(FA0, S0, 32);
            a.fld(FA3, S1, 0); // crosses a page: the slow path
            a.fsd(FA3, S1, 16);
        });
        r.memory.store(data, 4, 0x3fc00000L);
        r.memory.store(data + 8, 8, d(2.5));
        r.memory.store(0x20ffcL, 8, d(-1.0));
        r.ctx.f[FA2] = 0x11111111_22222222L;
        r.set(S0, data).set(S1, 0x20ffcL);
        r.runToEcall();
        assertEquals(s(1.5f), r.ctx.f[FA0]);
        assertEquals(d(2.5), r.ctx.f[FA1]);
        assertEquals(0x22222222L, r.memory.load(data + 16, 4));
        assertEquals(0L, r.memory.load(data + 20, 4), "fsw writes 4 bytes");
        assertEquals(d(2.5), r.memory.load(data + 24, 8));
        assertEquals(0x3fc00000L, r.memory.load(data + 32, 4));
        assertEquals(d(-1.0), r.ctx.f[FA3]);
        assertEquals(d(-1.0), r.memory.load(0x20ffcL + 16, 8));
    }

    @Test
    void compressedLoadsAndStores() {
        Rig r = rig(a -> {
            a.c(C.fld(FA0, A1, 8));
            a.c(C.fsd(FA0, A1, 16));
            a.c(C.fldsp(FT1, 24));
            a.c(C.fsdsp(FT1, 40));
        });
        r.memory.store(Rig.DATA + 8, 8, d(6.25));
        r.memory.store(Rig.DATA + 0x124, 8, d(-3.0));
        r.set(A1, Rig.DATA).set(SP, Rig.DATA + 0x10c);
        r.runToEcall();
        assertEquals(d(6.25), r.ctx.f[FA0]);
        assertEquals(d(6.25), r.memory.load(Rig.DATA + 16, 8));
        assertEquals(d(-3.0), r.ctx.f[FT1]);
        assertEquals(d(-3.0), r.memory.load(Rig.DATA + 0x10c + 40, 8));
        assertEquals(Rig.CODE + 8, r.ctx.pc, "four 2-byte instructions");
    }

    @Test
    void fusedMultiplyAddNegatesTheRightOperands() {
        Rig r = rig(a -> {
            a.fused(0x43, D, DYN, 20, FA0, FA1, FA2); // 2*3+1
            a.fused(0x47, D, DYN, 21, FA0, FA1, FA2); // 2*3-1
            a.fused(0x4b, D, DYN, 22, FA0, FA1, FA2); // -(2*3)+1
            a.fused(0x4f, D, DYN, 23, FA0, FA1, FA2); // -(2*3)-1
            a.fused(0x43, S, DYN, FT0, FT1, FT2, FA3); // 2*3+1 in single
            a.fused(0x4f, S, DYN, FT1, FT1, FT2, FA3);
        });
        r.ctx.f[FA0] = d(2);
        r.ctx.f[FA1] = d(3);
        r.ctx.f[FA2] = d(1);
        r.ctx.f[FT1] = s(2);
        r.ctx.f[FT2] = s(3);
        r.ctx.f[FA3] = s(1);
        r.runToEcall();
        assertEquals(d(7), r.ctx.f[20]);
        assertEquals(d(5), r.ctx.f[21]);
        assertEquals(d(-5), r.ctx.f[22]);
        assertEquals(d(-7), r.ctx.f[23]);
        assertEquals(s(7), r.ctx.f[FT0]);
        assertEquals(s(-7), r.ctx.f[FT1]);
    }

    @Test
    void arithmeticReachesTheLibrary() {
        Rig r = rig(a -> {
            a.fsub(D, FT0, FA0, FA1);
            a.fmul(D, FT1, FA0, FA1);
            a.fdiv(D, FT2, FA0, FA1);
            a.fsqrt(D, FA3, FA0);
            a.fmul(S, FS0, FA2, FA2);
            a.fsqrt(S, FS0 + 1, FA2);
        });
        r.ctx.f[FA0] = d(2.25);
        r.ctx.f[FA1] = d(0.5);
        r.ctx.f[FA2] = s(0.25f);
        r.runToEcall();
        assertEquals(d(1.75), r.ctx.f[FT0]);
        assertEquals(d(1.125), r.ctx.f[FT1]);
        assertEquals(d(4.5), r.ctx.f[FT2]);
        assertEquals(d(1.5), r.ctx.f[FA3]);
        assertEquals(s(0.0625f), r.ctx.f[FS0]);
        assertEquals(s(0.5f), r.ctx.f[FS0 + 1]);
    }

    @Test
    void signInjection() {
        Rig r = rig(a -> {
            a.fsgnj(D, FT0, FA0, FA1);
            a.fsgnjn(D, FT1, FA0, FA1);
            a.fsgnjx(D, FT2, FA1, FA1); // -x xor - = +
            a.fsgnjn(S, FS0, FA2, FA2); // fneg.s
            a.fsgnjx(S, FS0 + 1, FA2, FA2); // fabs.s of a negative
        });
        r.ctx.f[FA0] = d(1.5);
        r.ctx.f[FA1] = d(-2);
        r.ctx.f[FA2] = s(-4f);
        r.runToEcall();
        assertEquals(d(-1.5), r.ctx.f[FT0]);
        assertEquals(d(1.5), r.ctx.f[FT1]);
        assertEquals(d(2), r.ctx.f[FT2]);
        assertEquals(s(4f), r.ctx.f[FS0]);
        assertEquals(s(4f), r.ctx.f[FS0 + 1]);
    }

    // Runs fmin (max false) or fmax in fmt on a and b (raw register values): {result, fflags}.
    private static long[] minMax(int fmt, boolean max, long a, long b) {
        Rig r = rig(x -> {
            if (max) {
                x.fmax(fmt, FA0, FA1, FA2);
            } else {
                x.fmin(fmt, FA0, FA1, FA2);
            }
        });
        r.ctx.f[FA1] = a;
        r.ctx.f[FA2] = b;
        r.runToEcall();
        return new long[] {r.ctx.f[FA0], r.ctx.fcsr};
    }

    @Test
    void minMaxFollowSpec22() {
        assertEquals(d(1), minMax(D, false, QNAN_D, d(1))[0], "a quiet NaN yields the other operand");
        assertEquals(0, minMax(D, false, QNAN_D, d(1))[1]);
        assertEquals(d(1), minMax(D, true, d(1), SNAN_D)[0], "a signalling NaN too");
        assertEquals(NV, minMax(D, true, d(1), SNAN_D)[1], "but raises NV");
        assertEquals(CANONICAL_D, minMax(D, false, QNAN_D, SNAN_D)[0], "two NaNs: the canonical NaN");
        assertEquals(NV, minMax(D, false, QNAN_D, SNAN_D)[1]);
        assertEquals(d(-0.0), minMax(D, false, d(0.0), d(-0.0))[0], "-0 < +0");
        assertEquals(d(0.0), minMax(D, true, d(-0.0), d(0.0))[0]);
        assertEquals(d(-3), minMax(D, false, d(2), d(-3))[0]);
        assertEquals(d(2), minMax(D, true, d(2), d(-3))[0]);
        assertEquals(s(1), minMax(S, false, boxed(QNAN_S), s(1))[0]);
        assertEquals(s(1), minMax(S, true, s(1), boxed(SNAN_S))[0]);
        assertEquals(NV, minMax(S, true, s(1), boxed(SNAN_S))[1]);
        assertEquals(CANONICAL_S_BOXED, minMax(S, true, boxed(SNAN_S), boxed(QNAN_S))[0]);
        assertEquals(s(-0f), minMax(S, false, s(0f), s(-0f))[0]);
        assertEquals(s(0f), minMax(S, true, s(0f), s(-0f))[0]);
        assertEquals(s(-7f), minMax(S, false, s(-7f), s(-6f))[0]);
        assertEquals(s(1), minMax(S, false, 0x3f800000L, s(1))[0], "an unboxed operand is a NaN");
    }

    // Runs feq, flt and fle in fmt on a and b: {eq, lt, le, fflags after all three}.
    private static long[] compare(int fmt, long a, long b) {
        Rig r = rig(x -> x.feq(fmt, A0, FA1, FA2).flt(fmt, A1, FA1, FA2).fle(fmt, A2, FA1, FA2));
        r.ctx.f[FA1] = a;
        r.ctx.f[FA2] = b;
        r.set(A0, 9).set(A1, 9).set(A2, 9);
        r.runToEcall();
        return new long[] {r.x(A0), r.x(A1), r.x(A2), r.ctx.fcsr};
    }

    private static void assertCompare(long eq, long lt, long le, long flags, long[] got, String what) {
        assertEquals(eq + " " + lt + " " + le + " flags " + flags, got[0] + " " + got[1] + " " + got[2] + " flags "
                + got[3], what);
    }

    @Test
    void comparesAndTheirInvalidFlag() {
        assertCompare(0, 1, 1, 0, compare(D, d(1), d(2)), "1 < 2");
        assertCompare(1, 0, 1, 0, compare(D, d(2), d(2)), "2 = 2");
        assertCompare(0, 0, 0, 0, compare(D, d(3), d(-2)), "3 > -2");
        assertCompare(1, 0, 1, 0, compare(D, d(-0.0), d(0.0)), "-0 = +0 when comparing");
        assertCompare(0, 1, 1, 0, compare(D, d(-3), d(-2)), "-3 < -2");
        assertCompare(0, 0, 0, NV, compare(D, QNAN_D, d(1)), "quiet NaN: feq quiet, flt and fle raise NV");
        assertCompare(0, 0, 0, NV, compare(D, d(1), SNAN_D), "signalling NaN: all raise NV");
        assertCompare(1, 0, 1, 0, compare(S, s(-0f), s(0f)), "single -0 = +0");
        assertCompare(0, 1, 1, 0, compare(S, s(-1f), s(0.5f)), "single -1 < 0.5");
        assertCompare(0, 0, 0, NV, compare(S, boxed(QNAN_S), s(1)), "single quiet NaN");
        Rig quiet = rig(x -> x.feq(D, A0, FA1, FA2));
        quiet.ctx.f[FA1] = QNAN_D;
        quiet.runToEcall();
        assertEquals(0, quiet.ctx.fcsr, "feq alone on a quiet NaN raises nothing");
    }

    @Test
    void compareIntoX0LeavesItZeroButRaisesFlags() {
        Rig r = rig(x -> x.flt(D, ZERO, FA1, FA2));
        r.ctx.f[FA1] = QNAN_D;
        r.runToEcall();
        assertEquals(0, r.x(ZERO));
        assertEquals(NV, r.ctx.fcsr);
    }

    private static long classify(int fmt, long v) {
        Rig r = rig(x -> x.fclass(fmt, A0, FA1));
        r.ctx.f[FA1] = v;
        r.runToEcall();
        return r.x(A0);
    }

    @Test
    void fclassOfEveryClass() {
        long[] doubles = {0xfff0000000000000L, d(-1), 0x8000000000000001L, d(-0.0), d(0.0), 1L, d(1),
            0x7ff0000000000000L, SNAN_D, QNAN_D};
        int[] singles = {0xff800000, Float.floatToRawIntBits(-1f), 0x80000001, 0x80000000, 0, 0x007fffff,
            Float.floatToRawIntBits(1f), 0x7f800000, SNAN_S, QNAN_S};
        for (int bit = 0; bit < 10; bit++) {
            assertEquals(1L << bit, classify(D, doubles[bit]), "double class " + bit);
            assertEquals(1L << bit, classify(S, boxed(singles[bit])), "single class " + bit);
        }
        assertEquals(1L << 9, classify(S, 0x7f800000L), "an unboxed single is the canonical (quiet) NaN");
    }

    @Test
    void conversions() {
        Rig r = rig(a -> {
            a.fcvtToInt(0, D, DYN, A0, FA0); // fcvt.w.d -5.0
            a.fcvtToInt(1, D, DYN, A1, FA1); // fcvt.wu.d 3e9: sign-extended from bit 31
            a.fcvtToInt(2, S, DYN, A2, FA2); // fcvt.l.s 2^40
            a.fcvtToInt(3, S, DYN, A3, FA3); // fcvt.lu.s 6
            a.fcvtFromInt(0, D, DYN, FT0, S0); // fcvt.d.w: the low 32 bits, signed
            a.fcvtFromInt(1, D, DYN, FT1, S0); // fcvt.d.wu: unsigned
            a.fcvtFromInt(2, S, DYN, FT2, S1); // fcvt.s.l
            a.fcvtFromInt(3, D, DYN, FS0, S2); // fcvt.d.lu 2^63
            a.fcvtSD(FS0 + 1, FA0); // -5.0 to single
            a.fcvtDS(FA0 + 6, FA2); // 2^40 single to double
        });
        r.ctx.f[FA0] = d(-5);
        r.ctx.f[FA1] = d(3e9);
        r.ctx.f[FA2] = s(0x1p40f);
        r.ctx.f[FA3] = s(6f);
        r.set(S0, 0x7777_7777_ffff_fffeL).set(S1, -12).set(S2, Long.MIN_VALUE);
        r.runToEcall();
        assertEquals(-5, r.x(A0));
        assertEquals(0xffffffffb2d05e00L, r.x(A1));
        assertEquals(1L << 40, r.x(A2));
        assertEquals(6, r.x(A3));
        assertEquals(d(-2), r.ctx.f[FT0]);
        assertEquals(d(4294967294.0), r.ctx.f[FT1]);
        assertEquals(s(-12f), r.ctx.f[FT2]);
        assertEquals(d(0x1p63), r.ctx.f[FS0]);
        assertEquals(s(-5f), r.ctx.f[FS0 + 1]);
        assertEquals(d(0x1p40), r.ctx.f[FA0 + 6]);
    }

    @Test
    void movesBetweenRegisterFiles() {
        Rig r = rig(a -> a.fmvFromX(D, FA0, A0).fmvToX(D, A1, FA0).fmvFromX(S, FA1, A0).fmvToX(S, A2, FA1));
        r.set(A0, 0x7ff4_0000_8000_0001L); // a signalling NaN: moves do not touch it
        r.runToEcall();
        assertEquals(0x7ff4_0000_8000_0001L, r.ctx.f[FA0]);
        assertEquals(0x7ff4_0000_8000_0001L, r.x(A1));
        assertEquals(boxed(0x80000001), r.ctx.f[FA1]);
        assertEquals(0xffffffff80000001L, r.x(A2));
        assertEquals(0, r.ctx.fcsr);
    }

    @Test
    void flagsAccrueIntoFflags() {
        Rig r = rig(a -> {
            a.csr(5, ZERO, 0x001, NX); // csrrwi fflags, NX
            a.fadd(D, FA0, FA1, FA2); // sNaN + 1: NV
            a.fadd(D, FA3, FA2, FA2); // 1 + 1: nothing
            a.csr(2, A0, 0x001, ZERO); // frflags
        });
        r.ctx.f[FA1] = SNAN_D;
        r.ctx.f[FA2] = d(1);
        r.runToEcall();
        assertEquals(NV | NX, r.x(A0));
        assertEquals(CANONICAL_D, r.ctx.f[FA0]);
        assertEquals(d(2), r.ctx.f[FA3]);
    }

    private static void illegal(Consumer<Asm> inst, int frm) {
        Rig r = new Rig().code(a -> {
            a.addi(T0, ZERO, 1);
            inst.accept(a);
            a.ecall();
        });
        Asm probe = new Asm(0);
        inst.accept(probe);
        byte[] b = probe.bytes();
        long bits = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (long) (b[3] & 0xff) << 24;
        r.ctx.fcsr = frm << 5;
        r.ctx.f[FA1] = SNAN_D;
        r.ctx.f[FA0] = 0x1234;
        assertEquals(bits, r.runToTrap(TrapCause.ILLEGAL_INSTRUCTION), Long.toHexString(bits) + " frm " + frm);
        assertEquals(Rig.CODE + 4, r.ctx.pc);
        assertEquals(1, r.hart.instret());
        assertEquals(0x1234, r.ctx.f[FA0], "rd untouched");
        assertEquals(frm << 5, r.ctx.fcsr, "no flags raised");
    }

    @Test
    void reservedRoundingModesAreIllegal() {
        for (int rm : new int[] {5, 6}) {
            illegal(a -> a.fop(0x00, D, rm, FA0, FA1, FA1), 0); // fadd.d
            illegal(a -> a.fop(0x0b, S, rm, FA0, FA1, 0), 0); // fsqrt.s
            illegal(a -> a.fused(0x43, D, rm, FA0, FA1, FA1, FA1), 0);
            illegal(a -> a.fcvtToInt(0, D, rm, A0, FA1), 0);
            illegal(a -> a.fcvtFromInt(2, D, rm, FA0, A1), 0);
        }
        for (int frm = 5; frm <= 7; frm++) {
            illegal(a -> a.fadd(D, FA0, FA1, FA1), frm);
            illegal(a -> a.fused(0x4f, S, DYN, FA0, FA1, FA1, FA1), frm);
            illegal(a -> a.fcvtToInt(3, S, DYN, A0, FA1), frm);
            illegal(a -> a.fcvtDS(FA0, FA1), frm);
        }
    }

    @Test
    void otherReservedEncodingsAreIllegal() {
        illegal(a -> a.fop(0x00, 2, 0, FA0, FA1, FA1), 0); // fmt H
        illegal(a -> a.fop(0x00, 3, 0, FA0, FA1, FA1), 0); // fmt Q
        illegal(a -> a.fop(0x0b, D, 0, FA0, FA1, 1), 0); // fsqrt with rs2 != 0
        illegal(a -> a.fop(0x04, D, 3, FA0, FA1, FA1), 0); // fsgnj funct3 3
        illegal(a -> a.fop(0x05, S, 2, FA0, FA1, FA1), 0); // fmin/fmax funct3 2
        illegal(a -> a.fop(0x14, D, 3, A0, FA1, FA1), 0); // compare funct3 3
        illegal(a -> a.fcvtToInt(4, D, 0, A0, FA1), 0); // fcvt rs2 4
        illegal(a -> a.fop(0x08, D, 0, FA0, FA1, 1), 0); // fcvt.d.d
        illegal(a -> a.fop(0x1c, D, 1, A0, FA1, 1), 0); // fclass with rs2 != 0
        illegal(a -> a.fop(0x1e, S, 1, FA0, A1, 0), 0); // fmv.w.x funct3 1
        illegal(a -> a.word(0x00054007), 0); // flq
    }

    @Test
    void theRoundingModeFieldIsNotCheckedWhereThereIsNone() {
        Rig r = rig(a -> a.fsgnj(D, FA0, FA1, FA1).fmin(D, FA2, FA1, FA1).fmvToX(D, A0, FA1));
        r.ctx.fcsr = 7 << 5;
        r.ctx.f[FA1] = d(3);
        r.runToEcall();
        assertEquals(d(3), r.ctx.f[FA0]);
        assertEquals(d(3), r.ctx.f[FA2]);
        assertEquals(d(3), r.x(A0));
    }

    @Test
    void dynamicRoundingWithAValidFrmRuns() {
        Rig r = rig(a -> a.fadd(D, FA0, FA1, FA1));
        r.ctx.fcsr = 1 << 5; // RTZ
        r.ctx.f[FA1] = d(1.5);
        r.runToEcall();
        assertEquals(d(3), r.ctx.f[FA0]);
        assertEquals(1 << 5, r.ctx.fcsr);
    }

    @Test
    void contextCopyCarriesTheFloatingPointState() {
        HartContext c = new HartContext();
        c.f[31] = d(2.5);
        c.fcsr = 0x83;
        HartContext copy = c.copy();
        assertNotSame(c.f, copy.f);
        assertEquals(d(2.5), copy.f[31]);
        assertEquals(0x83, copy.fcsr);
    }
}
