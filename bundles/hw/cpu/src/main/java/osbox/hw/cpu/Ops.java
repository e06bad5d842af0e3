package osbox.hw.cpu;

/**
 * Internal opcodes: what the decoder turns an instruction (32-bit or
 * compressed) into, and what the hart's dispatch switch executes. Numbered
 * densely from 1 so the switch compiles to a jump table; 0 means "slot not
 * decoded yet". Each op belongs to one cost class ({@link CostModel}).
 */
public final class Ops {
    private Ops() {
    }

    /** Slot not decoded yet: decode it, then dispatch again. */
    public static final int UNDECODED = 0;

    // Plain ALU and no-ops (alu class).
    public static final int NOP = 1;
    public static final int ADDI = 2, SLTI = 3, SLTIU = 4, XORI = 5, ORI = 6, ANDI = 7, SLLI = 8, SRLI = 9,
            SRAI = 10, LUI = 11, AUIPC = 12;
    public static final int ADD = 13, SUB = 14, SLL = 15, SLT = 16, SLTU = 17, XOR = 18, SRL = 19, SRA = 20,
            OR = 21, AND = 22;
    public static final int ADDIW = 23, SLLIW = 24, SRLIW = 25, SRAIW = 26, ADDW = 27, SUBW = 28, SLLW = 29,
            SRLW = 30, SRAW = 31;
    // M extension (mul and div classes).
    public static final int MUL = 32, MULH = 33, MULHSU = 34, MULHU = 35, MULW = 36;
    public static final int DIV = 37, DIVU = 38, REM = 39, REMU = 40, DIVW = 41, DIVUW = 42, REMW = 43, REMUW = 44;
    // Loads (load class). LOAD_X0: a load into x0, size in the rs2 field, sign in imm's absence (value unused).
    public static final int LB = 45, LH = 46, LW = 47, LD = 48, LBU = 49, LHU = 50, LWU = 51, LOAD_X0 = 52;
    // Stores (store class).
    public static final int SB = 53, SH = 54, SW = 55, SD = 56;
    // Branches (branch class).
    public static final int BEQ = 57, BNE = 58, BLT = 59, BGE = 60, BLTU = 61, BGEU = 62;
    // Jumps (jump class). J and JR are the rd = x0 forms.
    public static final int JAL = 63, J = 64, JALR = 65, JR = 66;
    // A extension (amo class). AMO_W / AMO_D carry funct5 in imm.
    public static final int LR_W = 67, LR_D = 68, SC_W = 69, SC_D = 70, AMO_W = 71, AMO_D = 72;
    // Zicsr user counters (csr class).
    public static final int RDCYCLE = 73, RDTIME = 74, RDINSTRET = 75;
    // System (system class).
    public static final int FENCE = 76, FENCE_I = 77, ECALL = 78, EBREAK = 79, ILLEGAL = 80;
    /** A 32-bit instruction starting at page offset 0xffe: fetched through the slow path each time. */
    public static final int CROSS = 81;
    /** Filler of the per-hart scratch page: forces a fresh page lookup. */
    public static final int RELOOKUP = 82;
    // F and D extensions. Loads (load class) and stores (store class): imm is the offset.
    public static final int FLW = 83, FLD = 84, FSW = 85, FSD = 86;
    // Everything else of F and D (FpUnit): imm is FpOps' packed function, rm and rs3. The op only picks
    // the cost class: FP_ALU (alu), FP_MUL (mul: fmul and the fused multiply-adds), FP_DIV (div: fdiv, fsqrt).
    public static final int FP_ALU = 87, FP_MUL = 88, FP_DIV = 89;
    /** csrrw/csrrs/csrrc(i) on fflags, frm or fcsr (csr class): imm = csr number | funct3 << 12, rs1 = rs1 or uimm. */
    public static final int FCSR = 90;

    /** Number of ops (table size). */
    public static final int COUNT = 91;

    /** Cost classes, indexes into the cost table. */
    public static final int C_ALU = 0, C_MUL = 1, C_DIV = 2, C_LOAD = 3, C_STORE = 4, C_BRANCH = 5, C_JUMP = 6,
            C_AMO = 7, C_CSR = 8, C_SYSTEM = 9;
    public static final int CLASS_COUNT = 10;

    private static final int[] CLASS = new int[COUNT];
    private static final boolean[] PURE = new boolean[COUNT];
    private static final int[] X0_FORM = new int[COUNT];
    /** Access sizes of LB, LH, LW, LD, LBU, LHU, LWU, in op order. */
    private static final int[] LOAD_SIZE = {1, 2, 4, 8, 1, 2, 4};

    static {
        range(NOP, AUIPC, C_ALU, true);
        range(ADD, SRAW, C_ALU, true);
        range(MUL, MULW, C_MUL, true);
        range(DIV, REMUW, C_DIV, true);
        range(RDCYCLE, RDINSTRET, C_CSR, true);
        range(LB, LOAD_X0, C_LOAD, false);
        range(SB, SD, C_STORE, false);
        range(BEQ, BGEU, C_BRANCH, false);
        range(JAL, JR, C_JUMP, false);
        range(LR_W, AMO_D, C_AMO, false);
        range(FENCE, RELOOKUP, C_SYSTEM, false);
        range(FLW, FLD, C_LOAD, false);
        range(FSW, FSD, C_STORE, false);
        range(FP_ALU, FP_ALU, C_ALU, false);
        range(FP_MUL, FP_MUL, C_MUL, false);
        range(FP_DIV, FP_DIV, C_DIV, false);
        range(FCSR, FCSR, C_CSR, false);
        for (int op = 0; op < COUNT; op++) {
            X0_FORM[op] = PURE[op] ? NOP : op;
        }
        for (int op = LB; op <= LWU; op++) {
            X0_FORM[op] = LOAD_X0;
        }
        X0_FORM[JAL] = J;
        X0_FORM[JALR] = JR;
    }

    private static void range(int from, int to, int cls, boolean pure) {
        for (int op = from; op <= to; op++) {
            CLASS[op] = cls;
            PURE[op] = pure;
        }
    }

    /** The cost class of {@code op}. */
    public static int costClass(int op) {
        return CLASS[op];
    }

    /**
     * The op to run instead of {@code op} when its rd is x0: NOP for ops whose
     * only effect is writing rd (so x0 stays zero and HINTs do nothing),
     * LOAD_X0 for loads (the access still happens and may fault), J and JR
     * for the jumps that do not link; the op itself otherwise.
     */
    public static int x0Form(int op) {
        return X0_FORM[op];
    }

    /** The access size in bytes of a load op (LB..LWU). */
    public static int loadSize(int op) {
        return LOAD_SIZE[op - LB];
    }

    /** Whether a load op (LB..LWU) sign-extends its value: LB, LH, LW and LD (which fills the register). */
    public static boolean loadSignExtends(int op) {
        return op <= LD;
    }

    /**
     * Whether {@code op}'s only effect is writing rd: with rd = x0 it is a no-op
     * (this is how the decoder keeps x0 zero and turns HINTs into NOPs).
     */
    public static boolean onlyWritesRd(int op) {
        return PURE[op];
    }
}
