package osbox.hw.cpu;

import static osbox.hw.cpu.Ops.*;

/**
 * Expands RV64C 16-bit instructions into the same internal ops as their
 * 32-bit forms (length 2). Dispatch is by a table indexed by
 * quadrant * 8 + funct3. The D forms c.fld, c.fsd, c.fldsp and c.fsdsp
 * become FLD and FSD (RV64 has no c.flw or c.fsw: those encodings are
 * c.ld and c.sd). Reserved encodings are illegal, with the 16 instruction
 * bits as imm; HINTs (rd = x0 and the like) expand to ops whose
 * only effect is writing x0, which the caller turns into NOPs.
 */
final class CompressedDecoder {
    private CompressedDecoder() {
    }

    @FunctionalInterface
    private interface Form {
        void decode(int h, Decoded d);
    }

    private static final Form[] FORMS = new Form[24];
    /** c.sub, c.xor, c.or, c.and, c.subw, c.addw by inst[12] * 4 + inst[6:5]. */
    private static final int[] ARITH = {SUB, XOR, OR, AND, SUBW, ADDW, ILLEGAL, ILLEGAL};

    static {
        Form illegal = (h, d) -> d.illegal(h, 2);
        // Quadrant 0.
        FORMS[0] = CompressedDecoder::addi4spn;
        FORMS[1] = (h, d) -> d.set(FLD, rdp(h, 2), rdp(h, 7), 0, uimmD(h), 2); // c.fld
        FORMS[2] = (h, d) -> d.set(LW, rdp(h, 2), rdp(h, 7), 0, uimmW(h), 2);
        FORMS[3] = (h, d) -> d.set(LD, rdp(h, 2), rdp(h, 7), 0, uimmD(h), 2);
        FORMS[4] = illegal; // reserved
        FORMS[5] = (h, d) -> d.set(FSD, 0, rdp(h, 7), rdp(h, 2), uimmD(h), 2); // c.fsd
        FORMS[6] = (h, d) -> d.set(SW, 0, rdp(h, 7), rdp(h, 2), uimmW(h), 2);
        FORMS[7] = (h, d) -> d.set(SD, 0, rdp(h, 7), rdp(h, 2), uimmD(h), 2);
        // Quadrant 1.
        FORMS[8] = (h, d) -> d.set(ADDI, r(h, 7), r(h, 7), 0, imm6(h), 2); // c.addi, c.nop
        FORMS[9] = CompressedDecoder::addiw;
        FORMS[10] = (h, d) -> d.set(ADDI, r(h, 7), 0, 0, imm6(h), 2); // c.li
        FORMS[11] = CompressedDecoder::luiAddi16sp;
        FORMS[12] = CompressedDecoder::miscAlu;
        FORMS[13] = (h, d) -> d.set(JAL, 0, 0, 0, immCj(h), 2); // c.j
        FORMS[14] = (h, d) -> d.set(BEQ, 0, rdp(h, 7), 0, immCb(h), 2); // c.beqz
        FORMS[15] = (h, d) -> d.set(BNE, 0, rdp(h, 7), 0, immCb(h), 2); // c.bnez
        // Quadrant 2.
        FORMS[16] = (h, d) -> d.set(SLLI, r(h, 7), r(h, 7), 0, shamt(h), 2); // c.slli
        FORMS[17] = (h, d) -> d.set(FLD, r(h, 7), 2, 0, uimmLdsp(h), 2); // c.fldsp (any rd, f0 too)
        FORMS[18] = CompressedDecoder::lwsp;
        FORMS[19] = CompressedDecoder::ldsp;
        FORMS[20] = CompressedDecoder::jrMvAdd;
        FORMS[21] = (h, d) -> d.set(FSD, 0, 2, r(h, 2), uimmSdsp(h), 2); // c.fsdsp
        FORMS[22] = (h, d) -> d.set(SW, 0, 2, r(h, 2), ((h >>> 7) & 0x3c) | ((h >>> 1) & 0xc0), 2); // c.swsp
        FORMS[23] = (h, d) -> d.set(SD, 0, 2, r(h, 2), uimmSdsp(h), 2); // c.sdsp
    }

    /** Decodes the 16-bit instruction {@code h} (low two bits not 11) into {@code d}. */
    static void decode(int h, Decoded d) {
        h &= 0xffff;
        int quadrant = h & 3;
        if (quadrant == 3) {
            throw new IllegalArgumentException("not a compressed instruction: " + Integer.toHexString(h));
        }
        FORMS[quadrant * 8 + (h >>> 13)].decode(h, d);
    }

    /** A full register number from bits at {@code shift}..+4. */
    private static int r(int h, int shift) {
        return (h >>> shift) & 31;
    }

    /** A compressed register x8..x15 from bits at {@code shift}..+2. */
    private static int rdp(int h, int shift) {
        return 8 + ((h >>> shift) & 7);
    }

    /** The 6-bit signed immediate of c.addi, c.li, c.andi...: imm[5] = h[12], imm[4:0] = h[6:2]. */
    private static int imm6(int h) {
        return ((h << 19) >> 26 & ~31) | ((h >>> 2) & 31);
    }

    /** The 6-bit shift amount: shamt[5] = h[12], shamt[4:0] = h[6:2]. */
    private static int shamt(int h) {
        return ((h >>> 7) & 32) | ((h >>> 2) & 31);
    }

    /** c.lw / c.sw offset: uimm[5:3] = h[12:10], uimm[2] = h[6], uimm[6] = h[5]. */
    private static int uimmW(int h) {
        return ((h >>> 7) & 0x38) | ((h >>> 4) & 4) | ((h << 1) & 0x40);
    }

    /** c.ld / c.sd offset: uimm[5:3] = h[12:10], uimm[7:6] = h[6:5]. */
    private static int uimmD(int h) {
        return ((h >>> 7) & 0x38) | ((h << 1) & 0xc0);
    }

    /** c.ldsp / c.fldsp offset: uimm[5] = h[12], uimm[4:3] = h[6:5], uimm[8:6] = h[4:2]. */
    private static int uimmLdsp(int h) {
        return ((h >>> 7) & 0x20) | ((h >>> 2) & 0x18) | ((h << 4) & 0x1c0);
    }

    /** c.sdsp / c.fsdsp offset: uimm[5:3] = h[12:10], uimm[8:6] = h[9:7]. */
    private static int uimmSdsp(int h) {
        return ((h >>> 7) & 0x38) | ((h >>> 1) & 0x1c0);
    }

    /** c.j offset[11|4|9:8|10|6|7|3:1|5] = h[12|11|10:9|8|7|6|5:3|2]. */
    private static int immCj(int h) {
        int v = ((h >>> 1) & 0x800) | ((h >>> 7) & 0x10) | ((h >>> 1) & 0x300) | ((h << 2) & 0x400)
                | ((h >>> 1) & 0x40) | ((h << 1) & 0x80) | ((h >>> 2) & 0xe) | ((h << 3) & 0x20);
        return (v << 20) >> 20;
    }

    /** c.beqz/c.bnez offset[8|4:3] = h[12|11:10], offset[7:6|2:1|5] = h[6:5|4:3|2]. */
    private static int immCb(int h) {
        int v = ((h >>> 4) & 0x100) | ((h >>> 7) & 0x18) | ((h << 1) & 0xc0) | ((h >>> 2) & 6) | ((h << 3) & 0x20);
        return (v << 23) >> 23;
    }

    // c.addi4spn: addi rd', x2, nzuimm[5:4|9:6|2|3] = h[12:11|10:7|6|5]; nzuimm 0 (incl. 0x0000) reserved.
    private static void addi4spn(int h, Decoded d) {
        int imm = ((h >>> 7) & 0x30) | ((h >>> 1) & 0x3c0) | ((h >>> 4) & 4) | ((h >>> 2) & 8);
        if (imm == 0) {
            d.illegal(h, 2);
        } else {
            d.set(ADDI, rdp(h, 2), 2, 0, imm, 2);
        }
    }

    // c.addiw: addiw rd, rd, imm; rd = x0 reserved.
    private static void addiw(int h, Decoded d) {
        int rd = r(h, 7);
        if (rd == 0) {
            d.illegal(h, 2);
        } else {
            d.set(ADDIW, rd, rd, 0, imm6(h), 2);
        }
    }

    // rd = x2: c.addi16sp (nzimm[9|4|6|8:7|5] = h[12|6|5|4:3|2]); else c.lui (nzimm[17|16:12] = h[12|6:2]).
    // A zero immediate is reserved in both; c.lui with rd = x0 is a HINT.
    private static void luiAddi16sp(int h, Decoded d) {
        int rd = r(h, 7);
        if (rd == 2) {
            int v = ((h >>> 3) & 0x200) | ((h >>> 2) & 0x10) | ((h << 1) & 0x40) | ((h << 4) & 0x180)
                    | ((h << 3) & 0x20);
            int imm = (v << 22) >> 22;
            if (imm == 0) {
                d.illegal(h, 2);
            } else {
                d.set(ADDI, 2, 2, 0, imm, 2);
            }
            return;
        }
        int imm = imm6(h) << 12;
        if (imm == 0) {
            d.illegal(h, 2);
        } else {
            d.set(LUI, rd, 0, 0, imm, 2);
        }
    }

    // Quadrant 1, funct3 100: c.srli, c.srai, c.andi and the register-register group.
    private static void miscAlu(int h, Decoded d) {
        int rd = rdp(h, 7);
        switch ((h >>> 10) & 3) {
            case 0: d.set(SRLI, rd, rd, 0, shamt(h), 2); return;
            case 1: d.set(SRAI, rd, rd, 0, shamt(h), 2); return;
            case 2: d.set(ANDI, rd, rd, 0, imm6(h), 2); return;
            default:
                int op = ARITH[((h >>> 10) & 4) | ((h >>> 5) & 3)];
                if (op == ILLEGAL) {
                    d.illegal(h, 2);
                } else {
                    d.set(op, rd, rd, rdp(h, 2), 0, 2);
                }
        }
    }

    // c.lwsp: uimm[5] = h[12], uimm[4:2] = h[6:4], uimm[7:6] = h[3:2]; rd = x0 reserved.
    private static void lwsp(int h, Decoded d) {
        int rd = r(h, 7);
        if (rd == 0) {
            d.illegal(h, 2);
        } else {
            d.set(LW, rd, 2, 0, ((h >>> 7) & 0x20) | ((h >>> 2) & 0x1c) | ((h << 4) & 0xc0), 2);
        }
    }

    // c.ldsp: uimm[5] = h[12], uimm[4:3] = h[6:5], uimm[8:6] = h[4:2]; rd = x0 reserved.
    private static void ldsp(int h, Decoded d) {
        int rd = r(h, 7);
        if (rd == 0) {
            d.illegal(h, 2);
        } else {
            d.set(LD, rd, 2, 0, uimmLdsp(h), 2);
        }
    }

    // Quadrant 2, funct3 100: c.jr, c.mv, c.ebreak, c.jalr, c.add.
    private static void jrMvAdd(int h, Decoded d) {
        int rs1 = r(h, 7);
        int rs2 = r(h, 2);
        boolean bit12 = (h & 0x1000) != 0;
        if (!bit12) {
            if (rs2 != 0) {
                d.set(ADD, rs1, 0, rs2, 0, 2); // c.mv
            } else if (rs1 == 0) {
                d.illegal(h, 2); // c.jr x0 is reserved
            } else {
                d.set(JALR, 0, rs1, 0, 0, 2); // c.jr
            }
        } else if (rs2 != 0) {
            d.set(ADD, rs1, rs1, rs2, 0, 2); // c.add
        } else if (rs1 == 0) {
            d.set(EBREAK, 0, 0, 0, 0, 2);
        } else {
            d.set(JALR, 1, rs1, 0, 0, 2); // c.jalr
        }
    }
}
