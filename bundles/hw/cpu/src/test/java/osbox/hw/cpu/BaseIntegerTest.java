package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.hw.cpu.Asm.*;
import static osbox.hw.cpu.Rig.one;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** RV64I: every base instruction, with the edge cases of sign extension, shifts and comparisons. */
class BaseIntegerTest {
    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    @Test
    void luiSignExtendsFromBit31() {
        assertEquals(0x12345000L, one(a -> a.lui(T2, 0x12345), 0, 0));
        assertEquals(0xffffffff80000000L, one(a -> a.lui(T2, 0x80000), 0, 0));
        assertEquals(0xfffffffffffff000L, one(a -> a.lui(T2, 0xfffff), 0, 0));
    }

    @Test
    void auipcAddsToPc() {
        assertEquals(Rig.CODE + 0x1000, one(a -> a.auipc(T2, 1), 0, 0));
        assertEquals(Rig.CODE, one(a -> a.auipc(T2, 0), 0, 0));
        assertEquals(Rig.CODE - 0x1000, one(a -> a.auipc(T2, 0xfffff), 0, 0));
        assertEquals(Rig.CODE - 0x80000000L, one(a -> a.auipc(T2, 0x80000), 0, 0));
    }

    @Test
    void immediateArithmetic() {
        assertEquals(12, one(a -> a.addi(T2, T0, 5), 7, 0));
        assertEquals(-2041, one(a -> a.addi(T2, T0, -2048), 7, 0));
        assertEquals(2054, one(a -> a.addi(T2, T0, 2047), 7, 0));
        assertEquals(MIN, one(a -> a.addi(T2, T0, 1), MAX, 0), "wraps");
        assertEquals(~0x123L, one(a -> a.xori(T2, T0, -1), 0x123, 0), "xori -1 is not");
        assertEquals(0x5a5L ^ 0x0f0L, one(a -> a.xori(T2, T0, 0x0f0), 0x5a5, 0));
        assertEquals(0xffffffffffffff80L | 0x1234L, one(a -> a.ori(T2, T0, -128), 0x1234, 0));
        assertEquals(0x1234L & -16, one(a -> a.andi(T2, T0, -16), 0x1234, 0), "andi sign-extends its immediate");
        assertEquals(0x34, one(a -> a.andi(T2, T0, 0xff), 0xff34, 0));
    }

    @Test
    void setLessThanImmediate() {
        assertEquals(1, one(a -> a.slti(T2, T0, 0), -1, 0));
        assertEquals(0, one(a -> a.slti(T2, T0, -1), 0, 0));
        assertEquals(0, one(a -> a.slti(T2, T0, 5), 5, 0));
        assertEquals(1, one(a -> a.slti(T2, T0, -5), MIN, 0));
        assertEquals(0, one(a -> a.sltiu(T2, T0, 0), -1, 0), "-1 is the largest unsigned");
        assertEquals(1, one(a -> a.sltiu(T2, T0, -1), 5, 0), "imm -1 sign-extends to the largest unsigned");
        assertEquals(0, one(a -> a.sltiu(T2, T0, -1), -1, 0));
        assertEquals(1, one(a -> a.sltiu(T2, T0, 1), 0, 0), "seqz");
        assertEquals(0, one(a -> a.sltiu(T2, T0, 1), 7, 0));
    }

    @Test
    void immediateShifts() {
        assertEquals(MIN, one(a -> a.slli(T2, T0, 63), 1, 0));
        assertEquals(0x10L << 32, one(a -> a.slli(T2, T0, 32), 0x10, 0));
        assertEquals(1, one(a -> a.srli(T2, T0, 63), -1, 0));
        assertEquals(-1, one(a -> a.srai(T2, T0, 63), MIN, 0));
        assertEquals(0x7fffffffffffffffL, one(a -> a.srli(T2, T0, 1), -1, 0));
        assertEquals(-1, one(a -> a.srai(T2, T0, 1), -1, 0));
        assertEquals(0x123, one(a -> a.srai(T2, T0, 4), 0x1234, 0));
        assertEquals(0x5a, one(a -> a.slli(T2, T0, 0), 0x5a, 0));
    }

    @Test
    void registerArithmetic() {
        assertEquals(MIN, one(a -> a.add(T2, T0, T1), MAX, 1));
        assertEquals(MAX, one(a -> a.sub(T2, T0, T1), MIN, 1));
        assertEquals(-3, one(a -> a.sub(T2, T0, T1), 2, 5));
        assertEquals(~0xfL, one(a -> a.xor(T2, T0, T1), -1, 0xf));
        assertEquals(0x0f0fL ^ 0x00ffL, one(a -> a.xor(T2, T0, T1), 0x0f0f, 0x00ff));
        assertEquals(0x0fffL, one(a -> a.or(T2, T0, T1), 0x0f0f, 0x00ff));
        assertEquals(0x000fL, one(a -> a.and(T2, T0, T1), 0x0f0f, 0x00ff));
    }

    @Test
    void registerShiftsUseSixBits() {
        assertEquals(2, one(a -> a.sll(T2, T0, T1), 1, 65), "sll by 65 shifts by 1");
        assertEquals(MIN, one(a -> a.sll(T2, T0, T1), 1, 63));
        assertEquals(1, one(a -> a.srl(T2, T0, T1), MIN, 63));
        assertEquals(-1, one(a -> a.sra(T2, T0, T1), MIN, 63));
        assertEquals(MIN >>> 1, one(a -> a.srl(T2, T0, T1), MIN, 0x41));
        assertEquals(MIN >> 1, one(a -> a.sra(T2, T0, T1), MIN, -63), "only the low 6 bits of -63 (= 1) count");
    }

    @Test
    void setLessThanSignedAndUnsigned() {
        assertEquals(1, one(a -> a.slt(T2, T0, T1), -1, 1));
        assertEquals(0, one(a -> a.sltu(T2, T0, T1), -1, 1));
        assertEquals(0, one(a -> a.slt(T2, T0, T1), 1, -1));
        assertEquals(1, one(a -> a.sltu(T2, T0, T1), 1, -1));
        assertEquals(1, one(a -> a.slt(T2, T0, T1), MIN, MAX));
        assertEquals(0, one(a -> a.sltu(T2, T0, T1), MIN, MAX));
        assertEquals(0, one(a -> a.slt(T2, T0, T1), 4, 4));
        assertEquals(1, one(a -> a.sltu(T2, ZERO, T1), 0, 3), "snez");
    }

    @Test
    void wordImmediateFormsSignExtend() {
        assertEquals(0xffffffff80000000L, one(a -> a.addiw(T2, T0, 1), 0x7fffffff, 0));
        assertEquals(5, one(a -> a.addiw(T2, T0, 0), 0x1234567800000005L, 0), "upper bits ignored");
        assertEquals(-1, one(a -> a.addiw(T2, T0, 0), 0xffffffffL, 0), "sext.w");
        assertEquals(0xffffffff80000000L, one(a -> a.slliw(T2, T0, 31), 1, 0));
        assertEquals(0, one(a -> a.slliw(T2, T0, 1), 0x80000000L, 0));
        assertEquals(1, one(a -> a.srliw(T2, T0, 31), 0xffffffff80000000L, 0));
        assertEquals(0xffffffff80000000L, one(a -> a.srliw(T2, T0, 0), 0x80000000L, 0), "srliw 0 sign-extends");
        assertEquals(0x7fffffff, one(a -> a.srliw(T2, T0, 1), 0xfffffffeL, 0));
        assertEquals(-1, one(a -> a.sraiw(T2, T0, 31), 0x80000000L, 0));
        assertEquals(0xfffffffff8000000L, one(a -> a.sraiw(T2, T0, 4), 0x0000000080000000L, 0));
    }

    @Test
    void wordRegisterFormsSignExtendAndMaskShifts() {
        assertEquals(0xffffffff80000000L, one(a -> a.addw(T2, T0, T1), 0x7fffffff, 1));
        assertEquals(0, one(a -> a.addw(T2, T0, T1), 0xffffffffL, 1));
        assertEquals(0x7fffffff, one(a -> a.subw(T2, T0, T1), 0x80000000L, 1));
        assertEquals(-1, one(a -> a.subw(T2, T0, T1), 0x100000000L, 1), "upper bits ignored");
        assertEquals(2, one(a -> a.sllw(T2, T0, T1), 1, 33), "sllw by 33 shifts by 1");
        assertEquals(0xffffffff80000000L, one(a -> a.sllw(T2, T0, T1), 1, 31));
        assertEquals(0x08000000, one(a -> a.srlw(T2, T0, T1), 0x80000000L, 36), "srlw by 36 shifts by 4");
        assertEquals(0xfffffffff8000000L, one(a -> a.sraw(T2, T0, T1), 0x80000000L, 4));
        assertEquals(0xffffffff80000000L, one(a -> a.srlw(T2, T0, T1), 0x80000000L, 32), "srlw by 32 = by 0");
        assertEquals(1, one(a -> a.sraw(T2, T0, T1), 0xffffffff00000002L, 1));
    }

    @Test
    void loadsSignOrZeroExtend() {
        Rig r = new Rig();
        r.memory.store(Rig.DATA, 8, WORD);
        r.code(a -> {
            a.li(S0, Rig.DATA);
            a.lb(A0, S0, 0);
            a.lbu(A1, S0, 0);
            a.lh(A2, S0, 0);
            a.lhu(A3, S0, 0);
            a.lw(A4, S0, 0);
            a.lwu(A5, S0, 0);
            a.ld(A6, S0, 0);
            a.lb(A7, S0, 1);
            a.lh(T0, S0, 4);
            a.lw(T1, S0, 4);
            a.lbu(T2, S0, 7);
            a.ecall();
        }).runToEcall();
        assertLoadedTheWord(r);
        assertEquals((byte) 0xf0, r.x(A7));
        assertEquals((short) 0xba98, r.x(T0));
        assertEquals((int) 0xfedcba98, r.x(T1));
        assertEquals(0xfe, r.x(T2));
    }

    /** One load instruction of the test assembler: rd, rs1, offset. */
    @FunctionalInterface
    private interface Load {
        void emit(Asm a, int rd, int rs1, int imm);
    }

    /** Word in memory that lb, lbu, lh, lhu, lw, lwu and ld loaded into a0..a6 in that order. */
    private static final long WORD = 0xfedcba9880c0f0f1L;

    // Checks a0..a6 after lb, lbu, lh, lhu, lw, lwu, ld of WORD: each sign- or zero-extended.
    private static void assertLoadedTheWord(Rig r) {
        assertEquals((byte) 0xf1, r.x(A0));
        assertEquals(0xf1, r.x(A1));
        assertEquals((short) 0xf0f1, r.x(A2));
        assertEquals(0xf0f1, r.x(A3));
        assertEquals((int) 0x80c0f0f1, r.x(A4));
        assertEquals(0x80c0f0f1L, r.x(A5));
        assertEquals(WORD, r.x(A6));
    }

    @Test
    void loadsThatMissTheTlbExtendAsHitsDo() {
        Rig r = new Rig();
        for (int page = 0; page < 8; page++) {
            r.memory.store(Rig.DATA + page * 0x1000L, 8, WORD);
        }
        long edge = Rig.DATA + 0x9000;
        r.memory.store(edge - 2, 2, 0xf0f1);    // lh at edge - 1 reads 0x80f0, lw at edge - 2 0x9080f0f1
        r.memory.store(edge, 2, 0x9080);
        Load[] loads = {Asm::lb, Asm::lbu, Asm::lh, Asm::lhu, Asm::lw, Asm::lwu, Asm::ld};
        r.code(a -> {
            for (int k = 0; k < loads.length; k++) { // each load the first touch of its page: the slow path
                a.li(S0, Rig.DATA + k * 0x1000L);
                loads[k].emit(a, A0 + k, S0, 0);
            }
            a.li(S0, Rig.DATA + 0x9000);
            a.lh(A7, S0, -1);                   // crosses a page: always the slow path
            a.lw(T0, S0, -2);
            a.ecall();
        }).runToEcall();
        assertLoadedTheWord(r);
        assertEquals((short) 0x80f0, r.x(A7));
        assertEquals((int) 0x9080f0f1, r.x(T0));
    }

    @Test
    void storesWriteOnlyTheirBytes() {
        Rig r = new Rig();
        r.memory.store(Rig.DATA, 8, -1L);
        r.memory.store(Rig.DATA + 8, 8, -1L);
        r.memory.store(Rig.DATA + 16, 8, -1L);
        r.code(a -> {
            a.li(S0, Rig.DATA + 8);
            a.li(T0, 0x1122334455667788L);
            a.sb(T0, S0, -8);
            a.sh(T0, S0, 2);
            a.sw(T0, S0, 8 + 4);
            a.sd(T0, S0, 16);
            a.ecall();
        }).runToEcall();
        assertEquals(0xffffffffffffff88L, r.memory.load(Rig.DATA, 8));
        assertEquals(0xffffffff7788ffffL, r.memory.load(Rig.DATA + 8, 8));
        assertEquals(0x55667788ffffffffL, r.memory.load(Rig.DATA + 16, 8));
        assertEquals(0x1122334455667788L, r.memory.load(Rig.DATA + 24, 8));
    }

    @Test
    void misalignedAccessesInsideAPage() {
        Rig r = new Rig();
        r.code(a -> {
            a.li(S0, Rig.DATA + 1);
            a.li(T0, 0x0102030405060708L);
            a.sd(T0, S0, 0);
            a.ld(A0, S0, 0);
            a.lw(A1, S0, 1);
            a.lhu(A2, S0, 2);
            a.sw(T0, S0, 10);
            a.lwu(A3, S0, 10);
            a.ecall();
        }).runToEcall();
        assertEquals(0x0102030405060708L, r.x(A0));
        assertEquals(0x04050607L, r.x(A1));
        assertEquals(0x0506L, r.x(A2));
        assertEquals(0x05060708L, r.x(A3));
        assertEquals(0x08, r.memory.load(Rig.DATA + 1, 1));
    }

    @Test
    void misalignedAccessesAcrossAPage() {
        Rig r = new Rig();
        long edge = Rig.DATA + 0x1000;
        r.code(a -> {
            a.li(S0, edge);
            a.li(T0, 0x8877665544332211L);
            a.sd(T0, S0, -3);
            a.ld(A0, S0, -3);
            a.lw(A1, S0, -1);
            a.lh(A2, S0, -1);
            a.sh(T0, S0, -1);
            a.lhu(A3, S0, -1);
            a.lwu(A4, S0, -2);
            a.ecall();
        }).runToEcall();
        assertEquals(0x8877665544332211L, r.x(A0));
        assertEquals(0x66554433L, r.x(A1));
        assertEquals(0x4433L, r.x(A2));
        assertEquals(0x2211L, r.x(A3));
        assertEquals(0x55221122L, r.x(A4));
        assertEquals(0x11, r.memory.load(edge - 3, 1));
        assertEquals(0x22, r.memory.load(edge, 1));
        assertEquals(0x88, r.memory.load(edge + 4, 1));
    }

    /** Runs a branch that skips one "addi t2, zero, 1" if taken; returns whether it was taken. */
    private static boolean taken(Consumer<Asm> branch, long a, long b) {
        Rig r = new Rig();
        r.set(T0, a).set(T1, b);
        r.code(x -> {
            branch.accept(x);
            x.addi(T2, ZERO, 1);
            x.ecall();
        });
        long pc = r.runToEcall();
        assertEquals(Rig.CODE + 8, pc);
        return r.x(T2) == 0;
    }

    @Test
    void branchesTakenAndNotTaken() {
        assertTrue(taken(a -> a.beq(T0, T1, 8), 5, 5));
        assertFalse(taken(a -> a.beq(T0, T1, 8), 5, 6));
        assertTrue(taken(a -> a.bne(T0, T1, 8), 5, 6));
        assertFalse(taken(a -> a.bne(T0, T1, 8), -1, -1));
        assertTrue(taken(a -> a.blt(T0, T1, 8), -1, 0));
        assertFalse(taken(a -> a.blt(T0, T1, 8), 0, -1));
        assertFalse(taken(a -> a.blt(T0, T1, 8), 3, 3));
        assertTrue(taken(a -> a.bge(T0, T1, 8), 3, 3));
        assertTrue(taken(a -> a.bge(T0, T1, 8), 0, -1));
        assertFalse(taken(a -> a.bge(T0, T1, 8), MIN, MAX));
        assertTrue(taken(a -> a.bltu(T0, T1, 8), 0, -1));
        assertFalse(taken(a -> a.bltu(T0, T1, 8), -1, 0));
        assertFalse(taken(a -> a.bltu(T0, T1, 8), 7, 7));
        assertTrue(taken(a -> a.bgeu(T0, T1, 8), -1, 0));
        assertFalse(taken(a -> a.bgeu(T0, T1, 8), 0, -1));
        assertTrue(taken(a -> a.bgeu(T0, T1, 8), 7, 7));
        assertTrue(taken(a -> a.bgeu(T0, T1, 8), MIN, MAX));
    }

    @Test
    void backwardBranchLoops() {
        Rig r = new Rig();
        r.code(a -> {
            a.li(T0, 10);
            a.li(T1, 0);
            a.add(T1, T1, T0); // loop:
            a.addi(T0, T0, -1);
            a.bne(T0, ZERO, -8);
            a.ecall();
        }).runToEcall();
        assertEquals(55, r.x(T1));
        assertEquals(2 + 30, r.hart.instret());
    }

    @Test
    void jalLinksAndJumps() {
        Rig r = new Rig();
        r.code(a -> {
            a.jal(RA, 12); // 0x1000 -> 0x100c
            a.ecall(); // 0x1004: return lands here
            a.ecall();
            a.jal(T0, -8); // 0x100c -> 0x1004 via t0 (back)
        });
        long pc = r.runToEcall();
        assertEquals(Rig.CODE + 4, pc);
        assertEquals(Rig.CODE + 4, r.x(RA));
        assertEquals(Rig.CODE + 16, r.x(T0));
        assertEquals(2, r.hart.instret());
    }

    @Test
    void jalrComputesTargetBeforeLinkingAndClearsBitZero() {
        Rig r = new Rig();
        r.code(a -> {
            a.li(RA, Rig.CODE + 0x101); // odd: bit 0 is cleared
            a.jalr(RA, RA, 0xf); // target (0x1101 + 0xf) & ~1 = 0x1110, ra = pc + 4
        });
        r.code(Rig.CODE + 0x110, a -> a.ecall());
        r.ctx.pc = Rig.CODE;
        assertEquals(Rig.CODE + 0x110, r.runToEcall());
        assertEquals(Rig.CODE + 12, r.x(RA), "li is 2 instructions, jalr at 0x1008");
    }

    @Test
    void jalrNegativeOffsetAndNoLink() {
        Rig r = new Rig();
        r.code(a -> {
            a.li(T0, Rig.CODE + 0x20);
            a.jalr(ZERO, T0, -0x10);
        });
        r.code(Rig.CODE + 0x10, a -> a.ecall());
        r.ctx.pc = Rig.CODE;
        assertEquals(Rig.CODE + 0x10, r.runToEcall());
        assertEquals(0, r.x(ZERO));
    }

    @Test
    void x0IsNeverWritten() {
        Rig r = new Rig();
        r.memory.store(Rig.DATA, 8, 77);
        r.code(a -> {
            a.addi(ZERO, ZERO, 5);
            a.lui(ZERO, 0x12345);
            a.li(S0, Rig.DATA);
            a.ld(ZERO, S0, 0);
            a.jal(ZERO, 4);
            a.add(ZERO, S0, S0);
            a.mul(ZERO, S0, S0);
            a.rdcycle(ZERO);
            a.add(A0, ZERO, ZERO);
            a.ecall();
        }).runToEcall();
        assertEquals(0, r.x(ZERO));
        assertEquals(0, r.x(A0));
    }

    @Test
    void loadToX0StillFaults() {
        Rig r = new Rig();
        r.code(a -> {
            a.li(S0, Rig.MEMORY + 8);
            a.lw(ZERO, S0, 0);
        });
        assertEquals(Rig.MEMORY + 8, r.runToTrap(osbox.api.hw.TrapCause.LOAD_PAGE_FAULT));
    }

    @Test
    void fencesAreNoOps() {
        Rig r = new Rig();
        r.code(a -> {
            a.fence();
            a.word(0x8330000f); // fence.tso
            a.word(0x0100000f); // pause
            a.addi(A0, ZERO, 9);
            a.ecall();
        }).runToEcall();
        assertEquals(9, r.x(A0));
        assertEquals(4, r.hart.instret());
    }

    @Test
    void liProducesEveryKindOfConstant() {
        long[] values = {0, 1, -1, 2047, -2048, 2048, 0x7fffffffL, 0x80000000L, 0xffffffffL, MIN, MAX,
            0x123456789abcdef0L, 0xfedcba9876543210L, 0x100000000L, -0x80000000L};
        for (long v : values) {
            Rig r = new Rig();
            r.code(a -> {
                a.li(A0, v);
                a.ecall();
            }).runToEcall();
            assertEquals(v, r.x(A0), Long.toHexString(v));
        }
    }
}
