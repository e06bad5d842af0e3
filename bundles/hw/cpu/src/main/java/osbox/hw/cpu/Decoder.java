package osbox.hw.cpu;

import static osbox.hw.cpu.Ops.*;

/**
 * Decodes 32-bit RV64IMAFD + Zicsr + Zifencei instructions into internal ops
 * (the F and D major opcodes through {@link FpDecoder}).
 * Dispatch is by a table indexed by the major opcode (bits 6..2); each
 * major opcode's handler looks its funct fields up in small tables. Anything
 * not in a table is {@link Ops#ILLEGAL} with the instruction bits as imm.
 * Stateless: every method writes only the {@link Decoded} it is given.
 */
final class Decoder {
    private Decoder() {
    }

    @FunctionalInterface
    private interface Major {
        void decode(int inst, Decoded d);
    }

    private static final int I = ILLEGAL;
    private static final int[] LOAD = {LB, LH, LW, LD, LBU, LHU, LWU, I};
    private static final int[] STORE = {SB, SH, SW, SD, I, I, I, I};
    private static final int[] BRANCH = {BEQ, BNE, I, I, BLT, BGE, BLTU, BGEU};
    private static final int[] OP_IMM = {ADDI, SLLI, SLTI, SLTIU, XORI, SRLI, ORI, ANDI};
    /** OP by (funct7 row) * 8 + funct3; rows: funct7 0, 0x20, 0x01. */
    private static final int[] OP = {
        ADD, SLL, SLT, SLTU, XOR, SRL, OR, AND,
        SUB, I, I, I, I, SRA, I, I,
        MUL, MULH, MULHSU, MULHU, DIV, DIVU, REM, REMU};
    private static final int[] OP_32 = {
        ADDW, SLLW, I, I, I, SRLW, I, I,
        SUBW, I, I, I, I, SRAW, I, I,
        MULW, I, I, I, DIVW, DIVUW, REMW, REMUW};
    /** OP-IMM-32 by (funct7 row) * 8 + funct3; rows: funct7 0 (or addiw), 0x20. */
    private static final int[] OP_IMM_32 = {
        ADDIW, SLLIW, I, I, I, SRLIW, I, I,
        I, I, I, I, I, SRAIW, I, I};
    /** User counter CSRs 0xC00.. in order. */
    private static final int[] COUNTERS = {RDCYCLE, RDTIME, RDINSTRET};
    /** Which AMO funct5 values exist (besides LR = 2 and SC = 3). */
    private static final boolean[] AMO_FUNCT5 = new boolean[32];

    private static final Major[] MAJOR = new Major[32];

    static {
        for (int f : new int[] {0x00, 0x01, 0x04, 0x08, 0x0c, 0x10, 0x14, 0x18, 0x1c}) {
            AMO_FUNCT5[f] = true;
        }
        for (int i = 0; i < 32; i++) {
            MAJOR[i] = (inst, d) -> d.illegal(inst, 4);
        }
        MAJOR[0x03 >>> 2] = Decoder::load;
        MAJOR[0x07 >>> 2] = FpDecoder::load;
        MAJOR[0x27 >>> 2] = FpDecoder::store;
        MAJOR[0x43 >>> 2] = FpDecoder::fused;
        MAJOR[0x47 >>> 2] = FpDecoder::fused;
        MAJOR[0x4b >>> 2] = FpDecoder::fused;
        MAJOR[0x4f >>> 2] = FpDecoder::fused;
        MAJOR[0x53 >>> 2] = FpDecoder::opFp;
        MAJOR[0x0f >>> 2] = Decoder::miscMem;
        MAJOR[0x13 >>> 2] = Decoder::opImm;
        MAJOR[0x17 >>> 2] = (inst, d) -> d.set(AUIPC, rd(inst), 0, 0, inst & 0xfffff000, 4);
        MAJOR[0x1b >>> 2] = Decoder::opImm32;
        MAJOR[0x23 >>> 2] = Decoder::store;
        MAJOR[0x2f >>> 2] = Decoder::amo;
        MAJOR[0x33 >>> 2] = (inst, d) -> reg(OP, inst, d);
        MAJOR[0x37 >>> 2] = (inst, d) -> d.set(LUI, rd(inst), 0, 0, inst & 0xfffff000, 4);
        MAJOR[0x3b >>> 2] = (inst, d) -> reg(OP_32, inst, d);
        MAJOR[0x63 >>> 2] = Decoder::branch;
        MAJOR[0x67 >>> 2] = Decoder::jalr;
        MAJOR[0x6f >>> 2] = (inst, d) -> d.set(JAL, rd(inst), 0, 0, immJ(inst), 4);
        MAJOR[0x73 >>> 2] = Decoder::system;
    }

    /** Decodes a 32-bit instruction (low two bits 11) into {@code d}. */
    static void decode(int inst, Decoded d) {
        if ((inst & 3) != 3) {
            d.illegal(inst, 4);
            return;
        }
        MAJOR[(inst >>> 2) & 31].decode(inst, d);
    }

    static int rd(int inst) {
        return (inst >>> 7) & 31;
    }

    static int rs1(int inst) {
        return (inst >>> 15) & 31;
    }

    static int rs2(int inst) {
        return (inst >>> 20) & 31;
    }

    static int funct3(int inst) {
        return (inst >>> 12) & 7;
    }

    static int immI(int inst) {
        return inst >> 20;
    }

    static int immS(int inst) {
        return ((inst >> 25) << 5) | ((inst >>> 7) & 31);
    }

    static int immB(int inst) {
        return ((inst >> 31) << 12) | (((inst >>> 7) & 1) << 11) | (((inst >>> 25) & 0x3f) << 5)
                | (((inst >>> 8) & 0xf) << 1);
    }

    static int immJ(int inst) {
        return ((inst >> 31) << 20) | (((inst >>> 12) & 0xff) << 12) | (((inst >>> 20) & 1) << 11)
                | (((inst >>> 21) & 0x3ff) << 1);
    }

    private static void load(int inst, Decoded d) {
        int op = LOAD[funct3(inst)];
        if (op == I) {
            d.illegal(inst, 4);
        } else {
            d.set(op, rd(inst), rs1(inst), 0, immI(inst), 4);
        }
    }

    private static void store(int inst, Decoded d) {
        int op = STORE[funct3(inst)];
        if (op == I) {
            d.illegal(inst, 4);
        } else {
            d.set(op, 0, rs1(inst), rs2(inst), immS(inst), 4);
        }
    }

    private static void branch(int inst, Decoded d) {
        int op = BRANCH[funct3(inst)];
        if (op == I) {
            d.illegal(inst, 4);
        } else {
            d.set(op, 0, rs1(inst), rs2(inst), immB(inst), 4);
        }
    }

    private static void jalr(int inst, Decoded d) {
        if (funct3(inst) != 0) {
            d.illegal(inst, 4);
        } else {
            d.set(JALR, rd(inst), rs1(inst), 0, immI(inst), 4);
        }
    }

    // fence (and its fence.tso / pause variants) is a no-op for one in-order
    // hart; fence.i drops the decoded page. Other funct3 values are reserved.
    private static void miscMem(int inst, Decoded d) {
        switch (funct3(inst)) {
            case 0: d.set(FENCE, 0, 0, 0, 0, 4); break;
            case 1: d.set(FENCE_I, 0, 0, 0, 0, 4); break;
            default: d.illegal(inst, 4);
        }
    }

    // OP-IMM: RV64 shifts take a 6-bit shamt; bits 31..26 must be 0 (or 0x10 for srai).
    private static void opImm(int inst, Decoded d) {
        int f3 = funct3(inst);
        int op = OP_IMM[f3];
        int imm = immI(inst);
        if (f3 == 1 || f3 == 5) {
            int hi = inst >>> 26;
            if (f3 == 5 && hi == 0x10) {
                op = SRAI;
            } else if (hi != 0) {
                d.illegal(inst, 4);
                return;
            }
            imm &= 63;
        }
        d.set(op, rd(inst), rs1(inst), 0, imm, 4);
    }

    // OP-IMM-32: addiw (any funct7: it is immediate), slliw, srliw, sraiw
    // (funct7 0 or 0x20 only, so shamt[5] set is reserved).
    private static void opImm32(int inst, Decoded d) {
        int f3 = funct3(inst);
        int f7 = inst >>> 25;
        int row = f3 == 0 || f7 == 0 ? 0 : f7 == 0x20 ? 1 : -1;
        int op = row < 0 ? I : OP_IMM_32[row * 8 + f3];
        if (op == I) {
            d.illegal(inst, 4);
            return;
        }
        int imm = f3 == 0 ? immI(inst) : (inst >>> 20) & 31;
        d.set(op, rd(inst), rs1(inst), 0, imm, 4);
    }

    // OP / OP-32: the funct7 picks a row of the table (base, alternate, M).
    private static void reg(int[] table, int inst, Decoded d) {
        int f7 = inst >>> 25;
        int row = f7 == 0 ? 0 : f7 == 0x20 ? 1 : f7 == 0x01 ? 2 : -1;
        int op = row < 0 ? I : table[row * 8 + funct3(inst)];
        if (op == I) {
            d.illegal(inst, 4);
        } else {
            d.set(op, rd(inst), rs1(inst), rs2(inst), 0, 4);
        }
    }

    // AMO major opcode: lr/sc/amo*.w and .d; aq/rl bits are accepted and ignored.
    private static void amo(int inst, Decoded d) {
        int f3 = funct3(inst);
        int f5 = inst >>> 27;
        if (f3 != 2 && f3 != 3) {
            d.illegal(inst, 4);
            return;
        }
        boolean dw = f3 == 3;
        if (f5 == 0x02) {
            if (rs2(inst) != 0) {
                d.illegal(inst, 4);
            } else {
                d.set(dw ? LR_D : LR_W, rd(inst), rs1(inst), 0, 0, 4);
            }
        } else if (f5 == 0x03) {
            d.set(dw ? SC_D : SC_W, rd(inst), rs1(inst), rs2(inst), 0, 4);
        } else if (AMO_FUNCT5[f5]) {
            d.set(dw ? AMO_D : AMO_W, rd(inst), rs1(inst), rs2(inst), f5, 4);
        } else {
            d.illegal(inst, 4);
        }
    }

    // SYSTEM: ecall, ebreak and the Zicsr instructions. Legal CSRs: fflags,
    // frm and fcsr (read and write: op FCSR), and reads of the read-only user
    // counters cycle, time and instret; everything privileged (mret, sret,
    // wfi, sfence.vma...) is illegal.
    private static void system(int inst, Decoded d) {
        int f3 = funct3(inst);
        if (f3 == 0) {
            if (inst == 0x00000073) {
                d.set(ECALL, 0, 0, 0, 0, 4);
            } else if (inst == 0x00100073) {
                d.set(EBREAK, 0, 0, 0, 0, 4);
            } else {
                d.illegal(inst, 4);
            }
            return;
        }
        int csr = inst >>> 20;
        if (f3 != 4 && csr >= 0x001 && csr <= 0x003) {
            d.set(FCSR, rd(inst), rs1(inst), 0, csr | f3 << 12, 4);
            return;
        }
        // csrrw(i) always write; csrrs(i)/csrrc(i) write unless the rs1/uimm field is 0.
        boolean writes = f3 == 1 || f3 == 5 || rs1(inst) != 0;
        if (f3 == 4 || writes || csr < 0xc00 || csr > 0xc02) {
            d.illegal(inst, 4);
            return;
        }
        d.set(COUNTERS[csr - 0xc00], rd(inst), 0, 0, 0, 4);
    }
}
