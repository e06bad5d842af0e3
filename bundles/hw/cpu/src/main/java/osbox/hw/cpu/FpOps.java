package osbox.hw.cpu;

/**
 * The F/D functions the decoder hands {@link FpUnit}, and how they are
 * packed into a slot's immediate: bits 0..7 the function (single-precision
 * codes 0..31, the double-precision one is the same code + {@link #DOUBLE}),
 * bits 8..10 the rounding mode (0..4 static, 7 dynamic; 0 for functions
 * that do not round), bits 11..15 rs3 (the fused multiply-adds' addend).
 */
final class FpOps {
    private FpOps() {
    }

    /** Added to a function code for its double-precision form. */
    static final int DOUBLE = 32;

    static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, SQRT = 4;
    static final int SGNJ = 5, SGNJN = 6, SGNJX = 7, MIN = 8, MAX = 9;
    /** Comparisons and fclass: the result goes to the integer register rd. */
    static final int EQ = 10, LT = 11, LE = 12, CLASS = 13;
    /** fmadd, fmsub, fnmsub, fnmadd: in the order of their major opcodes 0x43, 0x47, 0x4b, 0x4f. */
    static final int MADD = 14, MSUB = 15, NMSUB = 16, NMADD = 17;
    /** fcvt.{w,wu,l,lu}.fmt: to the integer register rd, in the order of their rs2 field. */
    static final int TO_W = 18, TO_WU = 19, TO_L = 20, TO_LU = 21;
    /** fcvt.fmt.{w,wu,l,lu}: from the integer register rs1, in the order of their rs2 field. */
    static final int FROM_W = 22, FROM_WU = 23, FROM_L = 24, FROM_LU = 25;
    /** fmv.x.w / fmv.x.d, fmv.w.x / fmv.d.x. */
    static final int MV_TO_X = 26, MV_FROM_X = 27;
    /** fcvt.s.d (single code) and fcvt.d.s (double code): from the other width. */
    static final int FROM_OTHER = 28;

    /** The immediate of an FP op: function, rounding mode, rs3. */
    static int pack(int function, int rm, int rs3) {
        return function | rm << 8 | rs3 << 11;
    }

    /** The function code (with {@link #DOUBLE} for double precision) of a packed immediate. */
    static int function(int imm) {
        return imm & 0xff;
    }

    /** The rounding-mode field (0..4, or 7 for dynamic) of a packed immediate. */
    static int rm(int imm) {
        return (imm >>> 8) & 7;
    }

    /** The third source register of a packed immediate. */
    static int rs3(int imm) {
        return (imm >>> 11) & 31;
    }
}
