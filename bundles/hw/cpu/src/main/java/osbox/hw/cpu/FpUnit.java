package osbox.hw.cpu;

import static osbox.hw.cpu.FpOps.*;
import static osbox.hw.cpu.Slot.imm;
import static osbox.hw.cpu.Slot.rd;
import static osbox.hw.cpu.Slot.rs1;
import static osbox.hw.cpu.Slot.rs2;

import osbox.api.hw.HartContext;
import osbox.hw.cpu.fp.Binary32;
import osbox.hw.cpu.fp.Binary64;
import osbox.hw.cpu.fp.FpConvert;
import osbox.hw.cpu.fp.FpFlags;
import osbox.hw.cpu.fp.RoundingMode;

/**
 * Executes the F and D instructions other than loads and stores (ops
 * FP_ALU, FP_MUL, FP_DIV, FCSR) on a {@link HartContext}'s f registers and
 * fcsr. Arithmetic and conversions are the numeric library's
 * ({@code osbox.hw.cpu.fp}); sign injection, min/max, compares and fclass
 * are {@link FpBits}. The flags an instruction raises are ORed into fflags
 * after it. One per hart, used on the simulation thread only.
 */
final class FpUnit {
    private static final int SIGN32 = 0x80000000;
    private static final long SIGN64 = 0x8000000000000000L;
    private static final int FFLAGS = 0x001, FRM = 0x002;

    private final FpFlags flags = new FpFlags();

    /**
     * Executes FP op slot {@code w} with integer registers {@code x} and the
     * FP state of {@code ctx}. False, with nothing changed, when its rounding
     * mode is dynamic and frm holds an invalid mode (5..7): an illegal
     * instruction. The decoder has already refused rm 5 and 6.
     */
    boolean execute(long w, long[] x, HartContext ctx) {
        int imm = imm(w);
        int rm = FpOps.rm(imm);
        if (rm == RoundingMode.DYN) {
            rm = (ctx.fcsr >>> 5) & 7;
            if (!RoundingMode.isStatic(rm)) {
                return false;
            }
        }
        int function = FpOps.function(imm);
        if (function < DOUBLE) {
            single(function, w, x, ctx.f, rm);
        } else {
            dual(function - DOUBLE, w, x, ctx.f, rm);
        }
        ctx.fcsr |= flags.bits;
        flags.bits = 0;
        return true;
    }

    // One single-precision function: operands unboxed (an improperly boxed
    // register reads as the canonical NaN), f results NaN-boxed.
    private void single(int function, long w, long[] x, long[] f, int rm) {
        int a = FpBits.unbox(f[rs1(w)]);
        int b = FpBits.unbox(f[rs2(w)]);
        int rd = rd(w);
        FpFlags fl = flags;
        switch (function) {
            case ADD: f[rd] = FpBits.box(Binary32.add(a, b, rm, fl)); break;
            case SUB: f[rd] = FpBits.box(Binary32.sub(a, b, rm, fl)); break;
            case MUL: f[rd] = FpBits.box(Binary32.mul(a, b, rm, fl)); break;
            case DIV: f[rd] = FpBits.box(Binary32.div(a, b, rm, fl)); break;
            case SQRT: f[rd] = FpBits.box(Binary32.sqrt(a, rm, fl)); break;
            case MADD: f[rd] = FpBits.box(Binary32.fma(a, b, addend32(w, f), rm, fl)); break;
            case MSUB: f[rd] = FpBits.box(Binary32.fma(a, b, addend32(w, f) ^ SIGN32, rm, fl)); break;
            case NMSUB: f[rd] = FpBits.box(Binary32.fma(a ^ SIGN32, b, addend32(w, f), rm, fl)); break;
            case NMADD: f[rd] = FpBits.box(Binary32.fma(a ^ SIGN32, b, addend32(w, f) ^ SIGN32, rm, fl)); break;
            case SGNJ: f[rd] = FpBits.box(a & ~SIGN32 | b & SIGN32); break;
            case SGNJN: f[rd] = FpBits.box(a & ~SIGN32 | ~b & SIGN32); break;
            case SGNJX: f[rd] = FpBits.box(a ^ b & SIGN32); break;
            case MIN: f[rd] = FpBits.box((int) FpBits.minMax(u(a), u(b), FpBits.SINGLE, false, fl)); break;
            case MAX: f[rd] = FpBits.box((int) FpBits.minMax(u(a), u(b), FpBits.SINGLE, true, fl)); break;
            case EQ: setRd(x, rd, FpBits.eq(u(a), u(b), FpBits.SINGLE, fl)); break;
            case LT: setRd(x, rd, FpBits.less(u(a), u(b), FpBits.SINGLE, false, fl)); break;
            case LE: setRd(x, rd, FpBits.less(u(a), u(b), FpBits.SINGLE, true, fl)); break;
            case CLASS: setRd(x, rd, FpBits.classify(u(a), FpBits.SINGLE)); break;
            case TO_W: setRd(x, rd, FpConvert.floatToInt32(a, rm, fl)); break;
            case TO_WU: setRd(x, rd, FpConvert.floatToUint32(a, rm, fl)); break;
            case TO_L: setRd(x, rd, FpConvert.floatToInt64(a, rm, fl)); break;
            case TO_LU: setRd(x, rd, FpConvert.floatToUint64(a, rm, fl)); break;
            case FROM_W: f[rd] = FpBits.box(FpConvert.int64ToFloat((int) x[rs1(w)], false, rm, fl)); break;
            case FROM_WU: f[rd] = FpBits.box(FpConvert.int64ToFloat(x[rs1(w)] & 0xffffffffL, false, rm, fl)); break;
            case FROM_L: f[rd] = FpBits.box(FpConvert.int64ToFloat(x[rs1(w)], false, rm, fl)); break;
            case FROM_LU: f[rd] = FpBits.box(FpConvert.int64ToFloat(x[rs1(w)], true, rm, fl)); break;
            case MV_TO_X: setRd(x, rd, (int) f[rs1(w)]); break; // the low 32 bits, boxed or not
            case MV_FROM_X: f[rd] = FpBits.box((int) x[rs1(w)]); break;
            case FROM_OTHER: f[rd] = FpBits.box(FpConvert.doubleToFloat(f[rs1(w)], rm, fl)); break;
            default: throw new IllegalStateException("no single-precision FP function " + function);
        }
    }

    // One double-precision function (fcvt.d.s reads its operand as a single).
    private void dual(int function, long w, long[] x, long[] f, int rm) {
        long a = f[rs1(w)];
        long b = f[rs2(w)];
        int rd = rd(w);
        FpFlags fl = flags;
        switch (function) {
            case ADD: f[rd] = Binary64.add(a, b, rm, fl); break;
            case SUB: f[rd] = Binary64.sub(a, b, rm, fl); break;
            case MUL: f[rd] = Binary64.mul(a, b, rm, fl); break;
            case DIV: f[rd] = Binary64.div(a, b, rm, fl); break;
            case SQRT: f[rd] = Binary64.sqrt(a, rm, fl); break;
            case MADD: f[rd] = Binary64.fma(a, b, addend64(w, f), rm, fl); break;
            case MSUB: f[rd] = Binary64.fma(a, b, addend64(w, f) ^ SIGN64, rm, fl); break;
            case NMSUB: f[rd] = Binary64.fma(a ^ SIGN64, b, addend64(w, f), rm, fl); break;
            case NMADD: f[rd] = Binary64.fma(a ^ SIGN64, b, addend64(w, f) ^ SIGN64, rm, fl); break;
            case SGNJ: f[rd] = a & ~SIGN64 | b & SIGN64; break;
            case SGNJN: f[rd] = a & ~SIGN64 | ~b & SIGN64; break;
            case SGNJX: f[rd] = a ^ b & SIGN64; break;
            case MIN: f[rd] = FpBits.minMax(a, b, FpBits.DOUBLE, false, fl); break;
            case MAX: f[rd] = FpBits.minMax(a, b, FpBits.DOUBLE, true, fl); break;
            case EQ: setRd(x, rd, FpBits.eq(a, b, FpBits.DOUBLE, fl)); break;
            case LT: setRd(x, rd, FpBits.less(a, b, FpBits.DOUBLE, false, fl)); break;
            case LE: setRd(x, rd, FpBits.less(a, b, FpBits.DOUBLE, true, fl)); break;
            case CLASS: setRd(x, rd, FpBits.classify(a, FpBits.DOUBLE)); break;
            case TO_W: setRd(x, rd, FpConvert.doubleToInt32(a, rm, fl)); break;
            case TO_WU: setRd(x, rd, FpConvert.doubleToUint32(a, rm, fl)); break;
            case TO_L: setRd(x, rd, FpConvert.doubleToInt64(a, rm, fl)); break;
            case TO_LU: setRd(x, rd, FpConvert.doubleToUint64(a, rm, fl)); break;
            case FROM_W: f[rd] = FpConvert.int64ToDouble((int) x[rs1(w)], false, rm, fl); break;
            case FROM_WU: f[rd] = FpConvert.int64ToDouble(x[rs1(w)] & 0xffffffffL, false, rm, fl); break;
            case FROM_L: f[rd] = FpConvert.int64ToDouble(x[rs1(w)], false, rm, fl); break;
            case FROM_LU: f[rd] = FpConvert.int64ToDouble(x[rs1(w)], true, rm, fl); break;
            case MV_TO_X: setRd(x, rd, a); break;
            case MV_FROM_X: f[rd] = x[rs1(w)]; break;
            case FROM_OTHER: f[rd] = FpConvert.floatToDouble(FpBits.unbox(a), fl); break;
            default: throw new IllegalStateException("no double-precision FP function " + function);
        }
    }

    /**
     * csrrw/csrrs/csrrc and their immediate forms on fflags, frm or fcsr
     * (slot {@code w} of op FCSR): rd = the old value; csrrs/csrrc with
     * rs1 = x0 or uimm = 0 do not write. Bits beyond the CSR's width are
     * dropped on write.
     */
    void csr(long w, long[] x, HartContext ctx) {
        int imm = imm(w);
        int csr = imm & 0xfff;
        int funct3 = imm >>> 12;
        int shift = csr == FRM ? 5 : 0;
        int width = csr == FFLAGS ? 0x1f : csr == FRM ? 7 : 0xff;
        long old = (ctx.fcsr >>> shift) & width;
        long source = funct3 >= 5 ? rs1(w) : x[rs1(w)];
        long value;
        switch (funct3 & 3) {
            case 1: value = source; break;
            case 2: value = old | source; break;
            default: value = old & ~source; break;
        }
        if ((funct3 & 3) == 1 || rs1(w) != 0) {
            ctx.fcsr = (int) (ctx.fcsr & ~(width << shift) | (value & width) << shift);
        }
        setRd(x, rd(w), old);
    }

    private static int addend32(long w, long[] f) {
        return FpBits.unbox(f[rs3(imm(w))]);
    }

    private static long addend64(long w, long[] f) {
        return f[rs3(imm(w))];
    }

    // A single's bits zero-extended, as FpBits takes them.
    private static long u(int bits) {
        return bits & 0xffffffffL;
    }

    private static void setRd(long[] x, int rd, long value) {
        if (rd != 0) {
            x[rd] = value;
        }
    }
}
