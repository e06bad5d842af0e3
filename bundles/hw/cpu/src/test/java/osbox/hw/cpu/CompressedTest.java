package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static osbox.hw.cpu.Asm.*;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import osbox.api.hw.TrapCause;
import osbox.hw.cpu.Asm.C;

/**
 * RV64C: every compressed form gives the same registers and memory as its
 * 32-bit expansion; control transfers link pc + 2; reserved encodings are
 * illegal; HINTs do nothing.
 */
class CompressedTest {
    private static final long REGION = 0x2000;

    /** Registers that are valid data addresses (for loads and stores). */
    private static void addresses(Rig r) {
        for (int i = 1; i < 32; i++) {
            r.set(i, Rig.DATA + 0x200 + 0x40L * i);
        }
    }

    /** Registers with varied signs and magnitudes (for arithmetic). */
    private static void values(Rig r) {
        for (int i = 1; i < 32; i++) {
            r.set(i, 0x9e3779b97f4a7c15L * (i + 1) + (i << 28));
        }
    }

    private static Rig runWith(Consumer<Rig> setup, Consumer<Asm> code) {
        Rig r = new Rig();
        for (int k = 0; k < REGION; k += 8) {
            r.memory.store(Rig.DATA + k, 8, 0x0123456789abcdefL * (k + 1));
        }
        setup.accept(r);
        r.code(a -> {
            code.accept(a);
            a.ecall();
        }).runToEcall();
        assertEquals(1, r.hart.instret());
        return r;
    }

    /** Asserts that compressed {@code c16} and {@code expansion} leave the same registers and memory. */
    private static void same(int c16, Consumer<Asm> expansion, Consumer<Rig> setup) {
        Rig c = runWith(setup, a -> a.c(c16));
        Rig e = runWith(setup, expansion);
        assertEquals(Rig.CODE + 2, c.ctx.pc, "compressed is 2 bytes");
        assertArrayEquals(e.ctx.x, c.ctx.x, () -> "registers after 0x" + Integer.toHexString(c16));
        byte[] mc = new byte[(int) REGION];
        byte[] me = new byte[(int) REGION];
        c.memory.read(Rig.DATA, mc, 0, mc.length);
        e.memory.read(Rig.DATA, me, 0, me.length);
        assertArrayEquals(me, mc, () -> "memory after 0x" + Integer.toHexString(c16));
    }

    private static void sameAlu(int c16, Consumer<Asm> expansion) {
        same(c16, expansion, CompressedTest::values);
        same(c16, expansion, CompressedTest::addresses);
    }

    private static void sameMem(int c16, Consumer<Asm> expansion) {
        same(c16, expansion, CompressedTest::addresses);
    }

    @Test
    void knownEncodingsFromTheToolchain() {
        assertEquals(0x1141, C.addi(SP, -16));
        assertEquals(0xe406, C.sdsp(RA, 8));
        assertEquals(0xe022, C.sdsp(S0, 0));
        assertEquals(0x0800, C.addi4spn(S0, 16));
        assertEquals(0x60a2, C.ldsp(RA, 8));
        assertEquals(0x6402, C.ldsp(S0, 0));
        assertEquals(0x0141, C.addi(SP, 16));
        assertEquals(0x8082, C.jr(RA));
        assertEquals(0x4501, C.li(A0, 0));
        assertEquals(0x4785, C.li(A5, 1));
        assertEquals(0x852e, C.mv(A0, A1));
        assertEquals(0x9002, C.ebreak());
        assertEquals(0x7179, C.addi16sp(-48));
        assertEquals(0x6145, C.addi16sp(48));
        assertEquals(0x97aa, C.add(A5, A0));
        assertEquals(0x2785, C.addiw(A5, 1));
        assertEquals(0x078e, C.slli(A5, 3));
        assertEquals(0x8b85, C.andi(A5, 1));
        assertEquals(0x6785, C.lui(A5, 1));
        assertEquals(0x9782, C.jalr(A5));
        assertEquals(0xa001, C.j(0));
        assertEquals(0x611c, C.ld(A5, A0, 0));
        assertEquals(0xe11c, C.sd(A5, A0, 0));
        assertEquals(0x0001, C.nop());
    }

    @Test
    void loadsAndStores() {
        for (int off : new int[] {0, 4, 8, 64, 124}) {
            sameMem(C.lw(A0, S1, off), a -> a.lw(A0, S1, off));
            sameMem(C.sw(A2, A3, off), a -> a.sw(A2, A3, off));
        }
        for (int off : new int[] {0, 8, 64, 128, 248}) {
            sameMem(C.ld(A5, S0, off), a -> a.ld(A5, S0, off));
            sameMem(C.sd(S1, A4, off), a -> a.sd(S1, A4, off));
        }
        for (int off : new int[] {0, 4, 32, 252}) {
            sameMem(C.lwsp(T2, off), a -> a.lw(T2, SP, off));
            sameMem(C.swsp(T6, off), a -> a.sw(T6, SP, off));
        }
        for (int off : new int[] {0, 8, 256, 504}) {
            sameMem(C.ldsp(S2, off), a -> a.ld(S2, SP, off));
            sameMem(C.sdsp(RA, off), a -> a.sd(RA, SP, off));
        }
    }

    @Test
    void loadsSignExtendLikeTheirExpansions() {
        Rig r = new Rig();
        r.memory.store(Rig.DATA, 8, 0x80000000fffffff0L);
        r.set(SP, Rig.DATA).set(A0, Rig.DATA);
        r.code(a -> {
            a.c(C.lw(A1, A0, 0));
            a.c(C.lwsp(A2, 4));
            a.c(C.ldsp(A3, 0));
            a.ecall();
        }).runToEcall();
        assertEquals(-16, r.x(A1));
        assertEquals(0xffffffff80000000L, r.x(A2));
        assertEquals(0x80000000fffffff0L, r.x(A3));
    }

    @Test
    void immediateForms() {
        for (int imm : new int[] {4, 8, 16, 1020, 512 + 16 + 8 + 4}) {
            sameAlu(C.addi4spn(A1, imm), a -> a.addi(A1, SP, imm));
        }
        for (int imm : new int[] {1, -1, 31, -32, 17}) {
            sameAlu(C.addi(T3, imm), a -> a.addi(T3, T3, imm));
            sameAlu(C.addiw(A0, imm), a -> a.addiw(A0, A0, imm));
            sameAlu(C.li(S2, imm), a -> a.addi(S2, ZERO, imm));
            sameAlu(C.andi(S1, imm), a -> a.andi(S1, S1, imm));
            sameAlu(C.lui(T4, imm), a -> a.lui(T4, imm & 0xfffff));
        }
        sameAlu(C.addiw(A0, 0), a -> a.addiw(A0, A0, 0));
        sameAlu(C.andi(S1, 0), a -> a.andi(S1, S1, 0));
        for (int imm : new int[] {16, -16, -512, 496, 0x1f0, -0x200 + 16}) {
            sameAlu(C.addi16sp(imm), a -> a.addi(SP, SP, imm));
        }
    }

    @Test
    void shifts() {
        for (int sh : new int[] {1, 5, 31, 32, 33, 63}) {
            sameAlu(C.slli(A7, sh), a -> a.slli(A7, A7, sh));
            sameAlu(C.srli(A3, sh), a -> a.srli(A3, A3, sh));
            sameAlu(C.srai(A4, sh), a -> a.srai(A4, A4, sh));
        }
    }

    @Test
    void registerForms() {
        sameAlu(C.sub(S0, A5), a -> a.sub(S0, S0, A5));
        sameAlu(C.xor(A1, A2), a -> a.xor(A1, A1, A2));
        sameAlu(C.or(A3, S1), a -> a.or(A3, A3, S1));
        sameAlu(C.and(A4, A0), a -> a.and(A4, A4, A0));
        sameAlu(C.subw(A5, A1), a -> a.subw(A5, A5, A1));
        sameAlu(C.addw(S1, S0), a -> a.addw(S1, S1, S0));
        sameAlu(C.mv(T5, A0), a -> a.add(T5, ZERO, A0));
        sameAlu(C.add(T6, T5), a -> a.add(T6, T6, T5));
        sameAlu(C.add(A0, A0), a -> a.add(A0, A0, A0));
    }

    @Test
    void wordFormsSignExtend() {
        Rig r = new Rig();
        r.set(A0, 0x7fffffff).set(A1, 1).set(A2, 0x80000000L).set(A3, 1);
        r.code(a -> {
            a.c(C.addw(A0, A1));
            a.c(C.subw(A2, A3));
            a.c(C.addiw(A1, -2));
            a.ecall();
        }).runToEcall();
        assertEquals(0xffffffff80000000L, r.x(A0));
        assertEquals(0x7fffffff, r.x(A2));
        assertEquals(-1, r.x(A1));
    }

    @Test
    void jumpsLinkPcPlusTwo() {
        Rig r = new Rig();
        r.code(a -> {
            a.c(C.j(6)); // 0x1000 -> 0x1006
            a.ecall(); // 0x1002 (never)
            a.c(C.li(A0, 5)); // 0x1006
            a.li(T0, Rig.CODE + 0x20); // 0x1008, 2 words
            a.c(C.jalr(T0)); // 0x1010: ra = 0x1012
        });
        r.code(Rig.CODE + 0x20, a -> {
            a.c(C.mv(S1, RA)); // 0x1020
            a.c(C.li(A1, 7));
            a.c(C.jr(S1)); // back to 0x1012
        });
        r.code(Rig.CODE + 0x12, a -> a.ecall());
        r.ctx.pc = Rig.CODE;
        assertEquals(Rig.CODE + 0x12, r.runToEcall());
        assertEquals(5, r.x(A0));
        assertEquals(7, r.x(A1));
        assertEquals(Rig.CODE + 0x12, r.x(RA));
        assertEquals(Rig.CODE + 0x12, r.x(S1));
    }

    @Test
    void cjalrThroughRaReadsTargetBeforeLinking() {
        Rig r = new Rig();
        r.set(RA, Rig.CODE + 0x40);
        r.code(a -> a.c(C.jalr(RA)));
        r.code(Rig.CODE + 0x40, a -> a.ecall());
        r.ctx.pc = Rig.CODE;
        assertEquals(Rig.CODE + 0x40, r.runToEcall());
        assertEquals(Rig.CODE + 2, r.x(RA));
    }

    @Test
    void backwardJumpAndEveryOffsetBit() {
        for (int off : new int[] {-4, -2048, 2046, 0x2aa, -0x556, 0x400, 0x20, 0x10}) {
            Rig r = new Rig();
            long at = Rig.CODE + 0x1000;
            r.code(at, a -> a.c(C.j(off)));
            r.code(at + off, a -> a.ecall());
            r.ctx.pc = at;
            assertEquals(at + off, r.runToEcall(), "c.j " + off);
        }
    }

    @Test
    void compressedBranches() {
        for (int off : new int[] {8, -254, 254, 0x2a, -0xaa, 0x80, 0x20}) {
            for (long v : new long[] {0, 1, -1, Long.MIN_VALUE}) {
                Rig r = new Rig();
                long at = Rig.CODE + 0x800;
                r.set(A2, v);
                r.code(at, a -> {
                    a.c(C.beqz(A2, off));
                    a.c(C.bnez(A2, off - 2)); // the same target, from 2 bytes later
                    a.ecall();
                });
                r.code(at + off, a -> a.ecall());
                r.ctx.pc = at;
                long pc = r.runToEcall();
                assertEquals(at + off, pc, "both lead to the target one way or the other");
                assertEquals(v == 0 ? 1 : 2, r.hart.instret(), "beqz taken only for zero");
            }
        }
    }

    @Test
    void ebreakTrapsWithPc() {
        Rig r = new Rig();
        r.code(a -> {
            a.c(C.nop());
            a.c(C.ebreak());
        });
        assertEquals(Rig.CODE + 2, r.runToTrap(TrapCause.BREAKPOINT));
        assertEquals(Rig.CODE + 2, r.ctx.pc);
        assertEquals(1, r.hart.instret());
    }

    /** Asserts that the halfword {@code h} is an illegal instruction reported with its 16 bits. */
    private static void illegal(int h) {
        Rig r = new Rig();
        r.code(a -> {
            a.c(C.nop());
            a.c(h);
        });
        assertEquals(h, r.runToTrap(TrapCause.ILLEGAL_INSTRUCTION), () -> "0x" + Integer.toHexString(h));
        assertEquals(Rig.CODE + 2, r.ctx.pc);
    }

    @Test
    void reservedEncodingsAreIllegal() {
        illegal(0x0000); // all zero
        illegal(0x0004); // c.addi4spn, nzuimm 0, rd' = x9
        illegal(0x0010); // c.addi4spn, nzuimm 0, rd' = x12
        illegal(0x6101); // c.addi16sp 0
        illegal(0x6281); // c.lui x5, 0
        illegal(0x6001); // c.lui x0, 0
        illegal(C.jr(0)); // c.jr x0
        illegal(C.lwsp(0, 4));
        illegal(C.ldsp(0, 8));
        illegal(C.addiw(0, 1));
        illegal(0x8000); // quadrant 0, funct3 100
        illegal(C.reservedArith(2, A0, A1));
        illegal(C.reservedArith(3, A0, A1));
    }

    @Test
    void hintsDoNothing() {
        int[] hints = {
            C.addi(0, 5), // c.nop with imm
            C.li(0, 3),
            C.lui(0, 1),
            C.mv(0, A0),
            C.add(0, A0),
            C.slli(0, 3),
            C.addi(A0, 0),
            C.slli(A0, 0),
            C.srli(A0, 0),
            C.srai(A0, 0),
        };
        Rig r = new Rig();
        values(r);
        long[] before = r.ctx.x.clone();
        r.code(a -> {
            for (int h : hints) {
                a.c(h);
            }
            a.ecall();
        });
        assertEquals(Rig.CODE + 2L * hints.length, r.runToEcall());
        assertArrayEquals(before, r.ctx.x);
        assertEquals(hints.length, r.hart.instret());
    }

    @Test
    void mixedLengthsAtAnyHalfword() {
        Rig r = new Rig();
        r.code(a -> {
            a.c(C.li(A0, 1)); // 0x1000
            a.addi(A0, A0, 2); // 0x1002, a 32-bit instruction at a halfword boundary
            a.c(C.slli(A0, 4)); // 0x1006
            a.addi(A1, A0, 1); // 0x1008
            a.ecall();
        });
        r.runToEcall();
        assertEquals(48, r.x(A0));
        assertEquals(49, r.x(A1));
    }
}
