package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static osbox.hw.cpu.Asm.*;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The F and D encodings: the test assembler's words equal GNU as's
 * (riscv64-unknown-elf-as -march=rv64gc, disassembled with objdump; the
 * words are recorded here), and the decoders turn each into the expected op
 * and FpOps function, rounding mode and registers.
 */
class FpEncodingTest {
    private static final int RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4;

    private static int one(Consumer<Asm> body) {
        Asm a = new Asm(0);
        body.accept(a);
        byte[] b = a.bytes();
        assertEquals(4, b.length);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    // Asserts that body assembles to gnu and decodes to op with the FpOps immediate (function, rm, rs3).
    private static void fp(int gnu, Consumer<Asm> body, int op, int function, int rm, int rs3, String name) {
        assertEquals(Integer.toHexString(gnu), Integer.toHexString(one(body)), name + ": assembler");
        Decoded d = new Decoded();
        Decoder.decode(gnu, d);
        assertEquals(op, d.op, name + ": op");
        assertEquals(FpOps.pack(function, rm, rs3), d.imm, name + ": function, rm, rs3");
        assertEquals(4, d.len);
    }

    private static void single(int gnu, Consumer<Asm> body, int op, int function, int rm, String name) {
        fp(gnu, body, op, function, rm, 0, name);
    }

    private static void dual(int gnu, Consumer<Asm> body, int op, int function, int rm, String name) {
        fp(gnu, body, op, function + FpOps.DOUBLE, rm, 0, name);
    }

    @Test
    void loadsAndStores() {
        int[][] cases = {
            {0x0085a507, Ops.FLW, FA0, A1, 0, 8},
            {0xff85b507, Ops.FLD, FA0, A1, 0, -8},
            {0x00c5a627, Ops.FSW, 0, A1, FA2, 12},
            {0xfec5b827, Ops.FSD, 0, A1, FA2, -16},
        };
        assertEquals(0x0085a507, one(a -> a.flw(FA0, A1, 8)));
        assertEquals(0xff85b507, one(a -> a.fld(FA0, A1, -8)));
        assertEquals(0x00c5a627, one(a -> a.fsw(FA2, A1, 12)));
        assertEquals(0xfec5b827, one(a -> a.fsd(FA2, A1, -16)));
        for (int[] c : cases) {
            Decoded d = new Decoded();
            Decoder.decode(c[0], d);
            assertEquals(c[1], d.op, Integer.toHexString(c[0]));
            assertEquals(c[2], d.rd);
            assertEquals(c[3], d.rs1);
            assertEquals(c[4], d.rs2);
            assertEquals(c[5], d.imm);
        }
    }

    @Test
    void arithmetic() {
        single(0x00c58553, a -> a.fop(0x00, S, RNE, FA0, FA1, FA2), Ops.FP_ALU, FpOps.ADD, RNE, "fadd.s rne");
        dual(0x0ac5f553, a -> a.fsub(D, FA0, FA1, FA2), Ops.FP_ALU, FpOps.SUB, DYN, "fsub.d dyn");
        single(0x10c59553, a -> a.fop(0x02, S, RTZ, FA0, FA1, FA2), Ops.FP_MUL, FpOps.MUL, RTZ, "fmul.s rtz");
        dual(0x1ac5c553, a -> a.fop(0x03, D, RMM, FA0, FA1, FA2), Ops.FP_DIV, FpOps.DIV, RMM, "fdiv.d rmm");
        single(0x5805b553, a -> a.fop(0x0b, S, RUP, FA0, FA1, 0), Ops.FP_DIV, FpOps.SQRT, RUP, "fsqrt.s rup");
        dual(0x5a05a553, a -> a.fop(0x0b, D, RDN, FA0, FA1, 0), Ops.FP_DIV, FpOps.SQRT, RDN, "fsqrt.d rdn");
        fp(0x68c58543, a -> a.fused(0x43, S, RNE, FA0, FA1, FA2, FA3), Ops.FP_MUL, FpOps.MADD, RNE, FA3, "fmadd.s");
        fp(0x6ac5f547, a -> a.fused(0x47, D, DYN, FA0, FA1, FA2, FA3), Ops.FP_MUL, FpOps.MSUB + FpOps.DOUBLE, DYN,
                FA3, "fmsub.d");
        fp(0x68c5854b, a -> a.fused(0x4b, S, RNE, FA0, FA1, FA2, FA3), Ops.FP_MUL, FpOps.NMSUB, RNE, FA3,
                "fnmsub.s");
        fp(0x6ac5854f, a -> a.fused(0x4f, D, RNE, FA0, FA1, FA2, FA3), Ops.FP_MUL, FpOps.NMADD + FpOps.DOUBLE, RNE,
                FA3, "fnmadd.d");
    }

    @Test
    void signMinMaxCompareClassMove() {
        single(0x20c58553, a -> a.fsgnj(S, FA0, FA1, FA2), Ops.FP_ALU, FpOps.SGNJ, 0, "fsgnj.s");
        dual(0x22c59553, a -> a.fsgnjn(D, FA0, FA1, FA2), Ops.FP_ALU, FpOps.SGNJN, 0, "fsgnjn.d");
        single(0x20c5a553, a -> a.fsgnjx(S, FA0, FA1, FA2), Ops.FP_ALU, FpOps.SGNJX, 0, "fsgnjx.s");
        dual(0x2ac58553, a -> a.fmin(D, FA0, FA1, FA2), Ops.FP_ALU, FpOps.MIN, 0, "fmin.d");
        single(0x28c59553, a -> a.fmax(S, FA0, FA1, FA2), Ops.FP_ALU, FpOps.MAX, 0, "fmax.s");
        dual(0xa2c5a553, a -> a.feq(D, A0, FA1, FA2), Ops.FP_ALU, FpOps.EQ, 0, "feq.d");
        single(0xa0c59553, a -> a.flt(S, A0, FA1, FA2), Ops.FP_ALU, FpOps.LT, 0, "flt.s");
        dual(0xa2c58553, a -> a.fle(D, A0, FA1, FA2), Ops.FP_ALU, FpOps.LE, 0, "fle.d");
        single(0xe0059553, a -> a.fclass(S, A0, FA1), Ops.FP_ALU, FpOps.CLASS, 0, "fclass.s");
        dual(0xe2059553, a -> a.fclass(D, A0, FA1), Ops.FP_ALU, FpOps.CLASS, 0, "fclass.d");
        single(0xe0058553, a -> a.fmvToX(S, A0, FA1), Ops.FP_ALU, FpOps.MV_TO_X, 0, "fmv.x.w");
        single(0xf0058553, a -> a.fmvFromX(S, FA0, A1), Ops.FP_ALU, FpOps.MV_FROM_X, 0, "fmv.w.x");
        dual(0xe2058553, a -> a.fmvToX(D, A0, FA1), Ops.FP_ALU, FpOps.MV_TO_X, 0, "fmv.x.d");
        dual(0xf2058553, a -> a.fmvFromX(D, FA0, A1), Ops.FP_ALU, FpOps.MV_FROM_X, 0, "fmv.d.x");
    }

    @Test
    void conversions() {
        single(0xc0059553, a -> a.fcvtToInt(0, S, RTZ, A0, FA1), Ops.FP_ALU, FpOps.TO_W, RTZ, "fcvt.w.s");
        dual(0xc2158553, a -> a.fcvtToInt(1, D, RNE, A0, FA1), Ops.FP_ALU, FpOps.TO_WU, RNE, "fcvt.wu.d");
        single(0xc0258553, a -> a.fcvtToInt(2, S, RNE, A0, FA1), Ops.FP_ALU, FpOps.TO_L, RNE, "fcvt.l.s");
        dual(0xc2358553, a -> a.fcvtToInt(3, D, RNE, A0, FA1), Ops.FP_ALU, FpOps.TO_LU, RNE, "fcvt.lu.d");
        single(0xd0058553, a -> a.fcvtFromInt(0, S, RNE, FA0, A1), Ops.FP_ALU, FpOps.FROM_W, RNE, "fcvt.s.w");
        dual(0xd2158553, a -> a.fcvtFromInt(1, D, RNE, FA0, A1), Ops.FP_ALU, FpOps.FROM_WU, RNE, "fcvt.d.wu");
        single(0xd0258553, a -> a.fcvtFromInt(2, S, RNE, FA0, A1), Ops.FP_ALU, FpOps.FROM_L, RNE, "fcvt.s.l");
        dual(0xd2358553, a -> a.fcvtFromInt(3, D, RNE, FA0, A1), Ops.FP_ALU, FpOps.FROM_LU, RNE, "fcvt.d.lu");
        single(0x40158553, a -> a.fop(0x08, S, RNE, FA0, FA1, 1), Ops.FP_ALU, FpOps.FROM_OTHER, RNE, "fcvt.s.d");
        dual(0x42058553, a -> a.fop(0x08, D, RNE, FA0, FA1, 0), Ops.FP_ALU, FpOps.FROM_OTHER, RNE, "fcvt.d.s");
    }

    @Test
    void csrs() {
        int[][] cases = {
            {0x00302573, 0x003 | 2 << 12, A0, 0}, // frcsr a0 = csrrs a0, fcsr, x0
            {0x00359573, 0x003 | 1 << 12, A0, A1}, // fscsr a0, a1
            {0x00202573, 0x002 | 2 << 12, A0, 0}, // frrm a0
            {0x0021d573, 0x002 | 5 << 12, A0, 3}, // fsrmi a0, 3
            {0x00159573, 0x001 | 1 << 12, A0, A1}, // fsflags a0, a1
        };
        for (int[] c : cases) {
            Decoded d = new Decoded();
            Decoder.decode(c[0], d);
            assertEquals(Ops.FCSR, d.op, Integer.toHexString(c[0]));
            assertEquals(c[1], d.imm);
            assertEquals(c[2], d.rd);
            assertEquals(c[3], d.rs1);
        }
        assertEquals(0x0021d573, one(a -> a.csr(5, A0, 0x002, 3)));
    }

    @Test
    void compressed() {
        int[][] cases = {
            {0x2588, C.fld(FA0, A1, 8), Ops.FLD, FA0, A1, 0, 8},
            {0xa990, C.fsd(FA2, A1, 16), Ops.FSD, 0, A1, FA2, 16},
            {0x27e2, C.fldsp(15, 24), Ops.FLD, 15, SP, 0, 24},
            {0xb43e, C.fsdsp(15, 40), Ops.FSD, 0, SP, 15, 40},
        };
        for (int[] c : cases) {
            assertEquals(Integer.toHexString(c[0]), Integer.toHexString(c[1]), "assembler");
            Decoded d = new Decoded();
            CompressedDecoder.decode(c[0], d);
            assertEquals(c[2], d.op, Integer.toHexString(c[0]));
            assertEquals(c[3], d.rd);
            assertEquals(c[4], d.rs1);
            assertEquals(c[5], d.rs2);
            assertEquals(c[6], d.imm);
            assertEquals(2, d.len);
        }
    }
}
