package osbox.hw.cpu;

import static osbox.hw.cpu.Enc.*;

import java.io.ByteArrayOutputStream;

/**
 * Test assembler: appends RV64IMAFDC instructions at an origin address.
 * Branch and jump offsets are relative byte offsets, as in the encoding.
 * The {@code c*} methods emit compressed forms; static {@code C.*} return the
 * 16-bit encodings themselves.
 */
final class Asm {
    static final int ZERO = 0, RA = 1, SP = 2, GP = 3, TP = 4, T0 = 5, T1 = 6, T2 = 7, S0 = 8, S1 = 9, A0 = 10,
            A1 = 11, A2 = 12, A3 = 13, A4 = 14, A5 = 15, A6 = 16, A7 = 17, S2 = 18, T3 = 28, T4 = 29, T5 = 30, T6 = 31;

    final long origin;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Asm(long origin) {
        this.origin = origin;
    }

    /** Address of the next instruction. */
    long pc() {
        return origin + out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    Asm word(int w) {
        for (int k = 0; k < 4; k++) {
            out.write(w >>> (8 * k));
        }
        return this;
    }

    Asm half(int h) {
        out.write(h);
        out.write(h >>> 8);
        return this;
    }

    // ---- RV64I ----
    Asm lui(int rd, int upper) { return word(u(upper, rd, 0x37)); }
    Asm auipc(int rd, int upper) { return word(u(upper, rd, 0x17)); }
    Asm jal(int rd, int off) { return word(j(off, rd)); }
    Asm jalr(int rd, int rs1, int imm) { return word(i(imm, rs1, 0, rd, 0x67)); }
    Asm beq(int a, int b, int off) { return word(Enc.b(off, b, a, 0)); }
    Asm bne(int a, int b, int off) { return word(Enc.b(off, b, a, 1)); }
    Asm blt(int a, int b, int off) { return word(Enc.b(off, b, a, 4)); }
    Asm bge(int a, int b, int off) { return word(Enc.b(off, b, a, 5)); }
    Asm bltu(int a, int b, int off) { return word(Enc.b(off, b, a, 6)); }
    Asm bgeu(int a, int b, int off) { return word(Enc.b(off, b, a, 7)); }
    Asm load(int f3, int rd, int rs1, int imm) { return word(i(imm, rs1, f3, rd, 0x03)); }
    Asm lb(int rd, int rs1, int imm) { return load(0, rd, rs1, imm); }
    Asm lh(int rd, int rs1, int imm) { return load(1, rd, rs1, imm); }
    Asm lw(int rd, int rs1, int imm) { return load(2, rd, rs1, imm); }
    Asm ld(int rd, int rs1, int imm) { return load(3, rd, rs1, imm); }
    Asm lbu(int rd, int rs1, int imm) { return load(4, rd, rs1, imm); }
    Asm lhu(int rd, int rs1, int imm) { return load(5, rd, rs1, imm); }
    Asm lwu(int rd, int rs1, int imm) { return load(6, rd, rs1, imm); }
    Asm store(int f3, int rs2, int rs1, int imm) { return word(s(imm, rs2, rs1, f3, 0x23)); }
    Asm sb(int rs2, int rs1, int imm) { return store(0, rs2, rs1, imm); }
    Asm sh(int rs2, int rs1, int imm) { return store(1, rs2, rs1, imm); }
    Asm sw(int rs2, int rs1, int imm) { return store(2, rs2, rs1, imm); }
    Asm sd(int rs2, int rs1, int imm) { return store(3, rs2, rs1, imm); }
    Asm opImm(int f3, int rd, int rs1, int imm) { return word(i(imm, rs1, f3, rd, 0x13)); }
    Asm addi(int rd, int rs1, int imm) { return opImm(0, rd, rs1, imm); }
    Asm slti(int rd, int rs1, int imm) { return opImm(2, rd, rs1, imm); }
    Asm sltiu(int rd, int rs1, int imm) { return opImm(3, rd, rs1, imm); }
    Asm xori(int rd, int rs1, int imm) { return opImm(4, rd, rs1, imm); }
    Asm ori(int rd, int rs1, int imm) { return opImm(6, rd, rs1, imm); }
    Asm andi(int rd, int rs1, int imm) { return opImm(7, rd, rs1, imm); }
    Asm slli(int rd, int rs1, int sh) { return opImm(1, rd, rs1, sh); }
    Asm srli(int rd, int rs1, int sh) { return opImm(5, rd, rs1, sh); }
    Asm srai(int rd, int rs1, int sh) { return opImm(5, rd, rs1, 0x400 | sh); }
    Asm op(int f7, int f3, int rd, int rs1, int rs2) { return word(r(f7, rs2, rs1, f3, rd, 0x33)); }
    Asm op32(int f7, int f3, int rd, int rs1, int rs2) { return word(r(f7, rs2, rs1, f3, rd, 0x3b)); }
    Asm add(int rd, int a, int b) { return op(0, 0, rd, a, b); }
    Asm sub(int rd, int a, int b) { return op(0x20, 0, rd, a, b); }
    Asm sll(int rd, int a, int b) { return op(0, 1, rd, a, b); }
    Asm slt(int rd, int a, int b) { return op(0, 2, rd, a, b); }
    Asm sltu(int rd, int a, int b) { return op(0, 3, rd, a, b); }
    Asm xor(int rd, int a, int b) { return op(0, 4, rd, a, b); }
    Asm srl(int rd, int a, int b) { return op(0, 5, rd, a, b); }
    Asm sra(int rd, int a, int b) { return op(0x20, 5, rd, a, b); }
    Asm or(int rd, int a, int b) { return op(0, 6, rd, a, b); }
    Asm and(int rd, int a, int b) { return op(0, 7, rd, a, b); }
    Asm addiw(int rd, int rs1, int imm) { return word(i(imm, rs1, 0, rd, 0x1b)); }
    Asm slliw(int rd, int rs1, int sh) { return word(i(sh, rs1, 1, rd, 0x1b)); }
    Asm srliw(int rd, int rs1, int sh) { return word(i(sh, rs1, 5, rd, 0x1b)); }
    Asm sraiw(int rd, int rs1, int sh) { return word(i(0x400 | sh, rs1, 5, rd, 0x1b)); }
    Asm addw(int rd, int a, int b) { return op32(0, 0, rd, a, b); }
    Asm subw(int rd, int a, int b) { return op32(0x20, 0, rd, a, b); }
    Asm sllw(int rd, int a, int b) { return op32(0, 1, rd, a, b); }
    Asm srlw(int rd, int a, int b) { return op32(0, 5, rd, a, b); }
    Asm sraw(int rd, int a, int b) { return op32(0x20, 5, rd, a, b); }
    Asm fence() { return word(0x0ff0000f); }
    Asm fenceI() { return word(0x0000100f); }
    Asm ecall() { return word(0x00000073); }
    Asm ebreak() { return word(0x00100073); }

    /** Loads any 64-bit constant (lui/addiw/slli/addi sequences, no compressed forms). */
    Asm li(int rd, long v) {
        if (v >= -2048 && v < 2048) {
            return addi(rd, ZERO, (int) v);
        }
        if (v == (int) v) {
            int lo = ((int) v << 20) >> 20;
            int hi = (int) ((v - lo) >>> 12) & 0xfffff;
            lui(rd, hi);
            return lo == 0 ? this : addiw(rd, rd, lo);
        }
        int lo = (int) (v << 52 >> 52);
        long rest = (v - lo) >> 12;
        int shift = 12 + Long.numberOfTrailingZeros(rest);
        li(rd, (v - lo) >> shift);
        slli(rd, rd, shift);
        return lo == 0 ? this : addi(rd, rd, lo);
    }

    // ---- M ----
    Asm mul(int rd, int a, int b) { return op(1, 0, rd, a, b); }
    Asm mulh(int rd, int a, int b) { return op(1, 1, rd, a, b); }
    Asm mulhsu(int rd, int a, int b) { return op(1, 2, rd, a, b); }
    Asm mulhu(int rd, int a, int b) { return op(1, 3, rd, a, b); }
    Asm div(int rd, int a, int b) { return op(1, 4, rd, a, b); }
    Asm divu(int rd, int a, int b) { return op(1, 5, rd, a, b); }
    Asm rem(int rd, int a, int b) { return op(1, 6, rd, a, b); }
    Asm remu(int rd, int a, int b) { return op(1, 7, rd, a, b); }
    Asm mulw(int rd, int a, int b) { return op32(1, 0, rd, a, b); }
    Asm divw(int rd, int a, int b) { return op32(1, 4, rd, a, b); }
    Asm divuw(int rd, int a, int b) { return op32(1, 5, rd, a, b); }
    Asm remw(int rd, int a, int b) { return op32(1, 6, rd, a, b); }
    Asm remuw(int rd, int a, int b) { return op32(1, 7, rd, a, b); }

    // ---- A ---- (width: 2 = .w, 3 = .d)
    Asm lr(int width, int rd, int rs1) { return word(Enc.amo(0x02, 0, rs1, width, rd)); }
    Asm sc(int width, int rd, int rs2, int rs1) { return word(Enc.amo(0x03, rs2, rs1, width, rd)); }
    Asm amo(int funct5, int width, int rd, int rs2, int rs1) { return word(Enc.amo(funct5, rs2, rs1, width, rd)); }

    // ---- Zicsr ----
    Asm csrrs(int rd, int csr, int rs1) { return word(Enc.csr(csr, rs1, 2, rd)); }
    Asm rdcycle(int rd) { return csrrs(rd, 0xc00, 0); }
    Asm rdtime(int rd) { return csrrs(rd, 0xc01, 0); }
    Asm rdinstret(int rd) { return csrrs(rd, 0xc02, 0); }

    // ---- F and D ---- (fmt: 0 = S, 1 = D; rm: 0..4 static, 7 dynamic)
    static final int S = 0, D = 1, DYN = 7;
    static final int FT0 = 0, FT1 = 1, FT2 = 2, FS0 = 8, FA0 = 10, FA1 = 11, FA2 = 12, FA3 = 13;
    Asm flw(int rd, int rs1, int imm) { return word(i(imm, rs1, 2, rd, 0x07)); }
    Asm fld(int rd, int rs1, int imm) { return word(i(imm, rs1, 3, rd, 0x07)); }
    Asm fsw(int rs2, int rs1, int imm) { return word(s(imm, rs2, rs1, 2, 0x27)); }
    Asm fsd(int rs2, int rs1, int imm) { return word(s(imm, rs2, rs1, 3, 0x27)); }
    /** An OP-FP instruction: funct5, fmt, rm (or funct3 selector), rd, rs1, rs2. */
    Asm fop(int funct5, int fmt, int rm, int rd, int rs1, int rs2) { return word(Enc.fop(funct5, fmt, rm, rd, rs1, rs2)); }
    Asm fadd(int fmt, int rd, int a, int b) { return fop(0x00, fmt, DYN, rd, a, b); }
    Asm fsub(int fmt, int rd, int a, int b) { return fop(0x01, fmt, DYN, rd, a, b); }
    Asm fmul(int fmt, int rd, int a, int b) { return fop(0x02, fmt, DYN, rd, a, b); }
    Asm fdiv(int fmt, int rd, int a, int b) { return fop(0x03, fmt, DYN, rd, a, b); }
    Asm fsqrt(int fmt, int rd, int a) { return fop(0x0b, fmt, DYN, rd, a, 0); }
    Asm fsgnj(int fmt, int rd, int a, int b) { return fop(0x04, fmt, 0, rd, a, b); }
    Asm fsgnjn(int fmt, int rd, int a, int b) { return fop(0x04, fmt, 1, rd, a, b); }
    Asm fsgnjx(int fmt, int rd, int a, int b) { return fop(0x04, fmt, 2, rd, a, b); }
    Asm fmin(int fmt, int rd, int a, int b) { return fop(0x05, fmt, 0, rd, a, b); }
    Asm fmax(int fmt, int rd, int a, int b) { return fop(0x05, fmt, 1, rd, a, b); }
    Asm feq(int fmt, int rd, int a, int b) { return fop(0x14, fmt, 2, rd, a, b); }
    Asm flt(int fmt, int rd, int a, int b) { return fop(0x14, fmt, 1, rd, a, b); }
    Asm fle(int fmt, int rd, int a, int b) { return fop(0x14, fmt, 0, rd, a, b); }
    Asm fclass(int fmt, int rd, int a) { return fop(0x1c, fmt, 1, rd, a, 0); }
    /** fmv.x.w (fmt S) / fmv.x.d (fmt D). */
    Asm fmvToX(int fmt, int rd, int a) { return fop(0x1c, fmt, 0, rd, a, 0); }
    /** fmv.w.x (fmt S) / fmv.d.x (fmt D). */
    Asm fmvFromX(int fmt, int rd, int a) { return fop(0x1e, fmt, 0, rd, a, 0); }
    /** fcvt.{w,wu,l,lu}.fmt: kind 0 = w, 1 = wu, 2 = l, 3 = lu. */
    Asm fcvtToInt(int kind, int fmt, int rm, int rd, int a) { return fop(0x18, fmt, rm, rd, a, kind); }
    /** fcvt.fmt.{w,wu,l,lu}: kind 0 = w, 1 = wu, 2 = l, 3 = lu. */
    Asm fcvtFromInt(int kind, int fmt, int rm, int rd, int a) { return fop(0x1a, fmt, rm, rd, a, kind); }
    Asm fcvtSD(int rd, int a) { return fop(0x08, S, DYN, rd, a, 1); }
    Asm fcvtDS(int rd, int a) { return fop(0x08, D, DYN, rd, a, 0); }
    /** fmadd (major 0x43), fmsub (0x47), fnmsub (0x4b), fnmadd (0x4f). */
    Asm fused(int major, int fmt, int rm, int rd, int a, int b, int c) {
        return word(Enc.r4(c, fmt, b, a, rm, rd, major));
    }
    Asm csr(int f3, int rd, int csr, int rs1OrUimm) { return word(Enc.csr(csr, rs1OrUimm, f3, rd)); }

    // ---- C (emitting) ----
    Asm c(int h) { return half(h); }

    /** The compressed encodings, one method per form, from the spec's bit layouts. */
    static final class C {
        private C() {
        }

        static int addi4spn(int rdp, int nzuimm) {
            return 0 << 13 | bit(nzuimm, 5) << 12 | bit(nzuimm, 4) << 11 | ((nzuimm >> 6) & 15) << 7
                    | bit(nzuimm, 2) << 6 | bit(nzuimm, 3) << 5 | prime(rdp) << 2;
        }

        static int lw(int rdp, int rs1p, int uimm) {
            return 2 << 13 | ((uimm >> 3) & 7) << 10 | prime(rs1p) << 7 | bit(uimm, 2) << 6 | bit(uimm, 6) << 5
                    | prime(rdp) << 2;
        }

        static int ld(int rdp, int rs1p, int uimm) {
            return 3 << 13 | ((uimm >> 3) & 7) << 10 | prime(rs1p) << 7 | ((uimm >> 6) & 3) << 5 | prime(rdp) << 2;
        }

        static int sw(int rs2p, int rs1p, int uimm) {
            return 6 << 13 | (lw(rs2p, rs1p, uimm) & 0x1fff);
        }

        static int sd(int rs2p, int rs1p, int uimm) {
            return 7 << 13 | (ld(rs2p, rs1p, uimm) & 0x1fff);
        }

        static int fld(int rdp, int rs1p, int uimm) {
            return 1 << 13 | (ld(rdp, rs1p, uimm) & 0x1fff);
        }

        static int fsd(int rs2p, int rs1p, int uimm) {
            return 5 << 13 | (ld(rs2p, rs1p, uimm) & 0x1fff);
        }

        static int addi(int rd, int imm) {
            return ci(0, bit(imm, 5), rd, imm, 1);
        }

        static int nop() {
            return addi(0, 0);
        }

        static int addiw(int rd, int imm) {
            return ci(1, bit(imm, 5), rd, imm, 1);
        }

        static int li(int rd, int imm) {
            return ci(2, bit(imm, 5), rd, imm, 1);
        }

        static int addi16sp(int imm) {
            return 3 << 13 | bit(imm, 9) << 12 | 2 << 7 | bit(imm, 4) << 6 | bit(imm, 6) << 5 | ((imm >> 7) & 3) << 3
                    | bit(imm, 5) << 2 | 1;
        }

        /** c.lui rd, imm6 where the loaded value is imm6 << 12 (imm6 in -32..31, not 0). */
        static int lui(int rd, int imm6) {
            return ci(3, bit(imm6, 5), rd, imm6, 1);
        }

        private static int misc(int funct2, int b12, int rdp, int low5) {
            return 4 << 13 | b12 << 12 | funct2 << 10 | prime(rdp) << 7 | (low5 & 31) << 2 | 1;
        }

        static int srli(int rdp, int sh) {
            return misc(0, bit(sh, 5), rdp, sh);
        }

        static int srai(int rdp, int sh) {
            return misc(1, bit(sh, 5), rdp, sh);
        }

        static int andi(int rdp, int imm) {
            return misc(2, bit(imm, 5), rdp, imm);
        }

        private static int arith(int b12, int f2, int rdp, int rs2p) {
            return misc(3, b12, rdp, f2 << 3 | prime(rs2p));
        }

        static int sub(int rdp, int rs2p) { return arith(0, 0, rdp, rs2p); }
        static int xor(int rdp, int rs2p) { return arith(0, 1, rdp, rs2p); }
        static int or(int rdp, int rs2p) { return arith(0, 2, rdp, rs2p); }
        static int and(int rdp, int rs2p) { return arith(0, 3, rdp, rs2p); }
        static int subw(int rdp, int rs2p) { return arith(1, 0, rdp, rs2p); }
        static int addw(int rdp, int rs2p) { return arith(1, 1, rdp, rs2p); }
        static int reservedArith(int f2, int rdp, int rs2p) { return arith(1, f2, rdp, rs2p); }

        static int j(int off) {
            return 5 << 13 | bit(off, 11) << 12 | bit(off, 4) << 11 | ((off >> 8) & 3) << 9 | bit(off, 10) << 8
                    | bit(off, 6) << 7 | bit(off, 7) << 6 | ((off >> 1) & 7) << 3 | bit(off, 5) << 2 | 1;
        }

        private static int cb(int f3, int rs1p, int off) {
            return f3 << 13 | bit(off, 8) << 12 | ((off >> 3) & 3) << 10 | prime(rs1p) << 7 | ((off >> 6) & 3) << 5
                    | ((off >> 1) & 3) << 3 | bit(off, 5) << 2 | 1;
        }

        static int beqz(int rs1p, int off) { return cb(6, rs1p, off); }
        static int bnez(int rs1p, int off) { return cb(7, rs1p, off); }

        static int slli(int rd, int sh) {
            return ci(0, bit(sh, 5), rd, sh, 2);
        }

        static int lwsp(int rd, int uimm) {
            return ci(2, bit(uimm, 5), rd, ((uimm >> 2) & 7) << 2 | ((uimm >> 6) & 3), 2);
        }

        static int ldsp(int rd, int uimm) {
            return ci(3, bit(uimm, 5), rd, ((uimm >> 3) & 3) << 3 | ((uimm >> 6) & 7), 2);
        }

        static int fldsp(int rd, int uimm) {
            return 1 << 13 | (ldsp(rd, uimm) & 0x1fff);
        }

        static int swsp(int rs2, int uimm) {
            return 6 << 13 | ((uimm >> 2) & 15) << 9 | ((uimm >> 6) & 3) << 7 | reg(rs2) << 2 | 2;
        }

        static int sdsp(int rs2, int uimm) {
            return 7 << 13 | ((uimm >> 3) & 7) << 10 | ((uimm >> 6) & 7) << 7 | reg(rs2) << 2 | 2;
        }

        static int fsdsp(int rs2, int uimm) {
            return 5 << 13 | (sdsp(rs2, uimm) & 0x1fff);
        }

        static int jr(int rs1) { return 4 << 13 | reg(rs1) << 7 | 2; }
        static int mv(int rd, int rs2) { return 4 << 13 | reg(rd) << 7 | reg(rs2) << 2 | 2; }
        static int ebreak() { return 4 << 13 | 1 << 12 | 2; }
        static int jalr(int rs1) { return 4 << 13 | 1 << 12 | reg(rs1) << 7 | 2; }
        static int add(int rd, int rs2) { return 4 << 13 | 1 << 12 | reg(rd) << 7 | reg(rs2) << 2 | 2; }
    }
}
