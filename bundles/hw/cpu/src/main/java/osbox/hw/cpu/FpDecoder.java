package osbox.hw.cpu;

import static osbox.hw.cpu.Decoder.funct3;
import static osbox.hw.cpu.Decoder.immI;
import static osbox.hw.cpu.Decoder.immS;
import static osbox.hw.cpu.Decoder.rd;
import static osbox.hw.cpu.Decoder.rs1;
import static osbox.hw.cpu.Decoder.rs2;
import static osbox.hw.cpu.FpOps.*;
import static osbox.hw.cpu.Ops.FLD;
import static osbox.hw.cpu.Ops.FLW;
import static osbox.hw.cpu.Ops.FP_ALU;
import static osbox.hw.cpu.Ops.FP_DIV;
import static osbox.hw.cpu.Ops.FP_MUL;
import static osbox.hw.cpu.Ops.FSD;
import static osbox.hw.cpu.Ops.FSW;

/**
 * Decodes the 32-bit F and D instructions (major opcodes LOAD-FP, STORE-FP,
 * MADD, MSUB, NMSUB, NMADD and OP-FP) into ops FLW, FLD, FSW, FSD and
 * FP_ALU / FP_MUL / FP_DIV with an {@link FpOps} immediate. The fmt field
 * must be S (0) or D (1): H and Q are absent. A rounding mode of 5 or 6 is
 * illegal here; DYN (7) is resolved against frm when the instruction runs.
 */
final class FpDecoder {
    private FpDecoder() {
    }

    private static final int NONE = -1;
    /** OP-FP funct5 values whose funct3 is a rounding mode, and their function (NONE: another form). */
    private static final int[] ROUNDED = new int[32];
    /** OP-FP funct5 values whose funct3 selects the function, by funct5 * 8 + funct3. */
    private static final int[] BY_FUNCT3 = new int[32 * 8];

    static {
        java.util.Arrays.fill(ROUNDED, NONE);
        java.util.Arrays.fill(BY_FUNCT3, NONE);
        ROUNDED[0x00] = ADD;
        ROUNDED[0x01] = SUB;
        ROUNDED[0x02] = MUL;
        ROUNDED[0x03] = DIV;
        ROUNDED[0x0b] = SQRT;
        ROUNDED[0x08] = FROM_OTHER;
        ROUNDED[0x18] = TO_W;
        ROUNDED[0x1a] = FROM_W;
        BY_FUNCT3[0x04 * 8] = SGNJ;
        BY_FUNCT3[0x04 * 8 + 1] = SGNJN;
        BY_FUNCT3[0x04 * 8 + 2] = SGNJX;
        BY_FUNCT3[0x05 * 8] = MIN;
        BY_FUNCT3[0x05 * 8 + 1] = MAX;
        BY_FUNCT3[0x14 * 8] = LE;
        BY_FUNCT3[0x14 * 8 + 1] = LT;
        BY_FUNCT3[0x14 * 8 + 2] = EQ;
        BY_FUNCT3[0x1c * 8] = MV_TO_X;
        BY_FUNCT3[0x1c * 8 + 1] = CLASS;
        BY_FUNCT3[0x1e * 8] = MV_FROM_X;
    }

    /** LOAD-FP: flw (funct3 2) and fld (3). */
    static void load(int inst, Decoded d) {
        int f3 = funct3(inst);
        if (f3 != 2 && f3 != 3) {
            d.illegal(inst, 4);
        } else {
            d.set(f3 == 2 ? FLW : FLD, rd(inst), rs1(inst), 0, immI(inst), 4);
        }
    }

    /** STORE-FP: fsw (funct3 2) and fsd (3). */
    static void store(int inst, Decoded d) {
        int f3 = funct3(inst);
        if (f3 != 2 && f3 != 3) {
            d.illegal(inst, 4);
        } else {
            d.set(f3 == 2 ? FSW : FSD, 0, rs1(inst), rs2(inst), immS(inst), 4);
        }
    }

    /** MADD, MSUB, NMSUB, NMADD (fmt in bits 26..25, rs3 in 31..27). */
    static void fused(int inst, Decoded d) {
        int fmt = (inst >>> 25) & 3;
        int rm = funct3(inst);
        if (fmt > 1 || rm == 5 || rm == 6) {
            d.illegal(inst, 4);
            return;
        }
        int function = MADD + ((inst >>> 2) & 3) + fmt * DOUBLE;
        d.set(FP_MUL, rd(inst), rs1(inst), rs2(inst), pack(function, rm, inst >>> 27), 4);
    }

    /** OP-FP: funct5 in bits 31..27, fmt in 26..25, funct3 a rounding mode or a selector. */
    static void opFp(int inst, Decoded d) {
        int funct5 = inst >>> 27;
        int fmt = (inst >>> 25) & 3;
        int f3 = funct3(inst);
        int src = rs2(inst);
        int function = ROUNDED[funct5];
        int rm = f3;
        if (function != NONE) {
            boolean operandOk = switch (function) {
                case SQRT -> src == 0;
                case FROM_OTHER -> src == 1 - fmt; // fcvt.s.d: rs2 = 1 (D); fcvt.d.s: rs2 = 0 (S)
                case TO_W, FROM_W -> src < 4; // w, wu, l, lu
                default -> true;
            };
            if (!operandOk || rm == 5 || rm == 6) {
                d.illegal(inst, 4);
                return;
            }
            if (function == TO_W || function == FROM_W) {
                function += src;
            }
        } else {
            function = BY_FUNCT3[funct5 * 8 + f3];
            boolean unary = function == MV_TO_X || function == CLASS || function == MV_FROM_X;
            if (function == NONE || unary && src != 0) {
                d.illegal(inst, 4);
                return;
            }
            rm = 0;
        }
        if (fmt > 1) {
            d.illegal(inst, 4);
            return;
        }
        int op = function == MUL ? FP_MUL : function == DIV || function == SQRT ? FP_DIV : FP_ALU;
        d.set(op, rd(inst), rs1(inst), src, pack(function + fmt * DOUBLE, rm, 0), 4);
    }
}
