package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.hw.cpu.Asm.*;

import org.junit.jupiter.api.Test;
import osbox.hw.memory.FrameStore;
import osbox.api.hw.HartContext;
import osbox.api.hw.TrapCause;

/** The decode cache: code marking, write revocation, invalidation, fence.i, page crossing, sharing. */
class DecodeCacheTest {
    private static final long PAGE = Rig.CODE >>> 12;

    @Test
    void runningCodeMarksItsFrameAndRevokesWrite() {
        Rig r = new Rig();
        assertFalse(r.memory.isCode(PAGE));
        r.code(a -> a.ecall());
        r.runToEcall();
        assertTrue(r.memory.isCode(PAGE));
        assertTrue(r.cpu.isDecoded(r.memory, PAGE));
        assertTrue(r.tlb.revokes > 0, "every hart's TLB was told");
    }

    @Test
    void storeIntoCodePageInvalidatesItsDecodedPage() {
        Rig r = new Rig();
        r.code(a -> a.ecall());
        r.runToEcall();
        assertTrue(r.memory.isCode(PAGE));
        assertTrue(r.cpu.isDecoded(r.memory, PAGE));
        long[] wt = r.tlb.writeTags();
        for (long t : wt) {
            assertNotEquals(PAGE, t, "no writable mapping of a code frame");
        }
        // A user store into the code page: refills for write, which unmarks the frame and drops the page.
        Rig s = new Rig();
        s.set(S0, Rig.CODE + 0x800);
        s.code(a -> {
            a.sd(ZERO, S0, 0);
            a.ecall();
        });
        s.runToEcall();
        assertFalse(s.memory.isCode(PAGE));
        assertFalse(s.cpu.isDecoded(s.memory, PAGE));
    }

    @Test
    void selfModifyingCodeWithFenceI() {
        int newInst = Enc.i(2, ZERO, 0, A0, 0x13); // addi a0, zero, 2
        Rig r = new Rig();
        r.set(T0, newInst);
        r.code(a -> {
            a.auipc(S0, 0); // 0x1000
            a.sw(T0, S0, 16); // 0x1004: overwrite the instruction at 0x1010
            a.fenceI(); // 0x1008
            a.jal(ZERO, 4); // 0x100c
            a.addi(A0, ZERO, 1); // 0x1010: replaced
            a.ecall();
        });
        r.runToEcall();
        assertEquals(2, r.x(A0));
        assertEquals(newInst, (int) r.memory.load(Rig.CODE + 16, 4));
    }

    @Test
    void selfModifyingLoopSeesItsOwnStoreAfterFenceI() {
        // The instruction is executed (decoded) once, then rewritten, then executed again.
        int addi2 = Enc.i(2, A0, 0, A0, 0x13); // addi a0, a0, 2
        Rig r = new Rig();
        r.set(T0, addi2).set(T1, 2);
        r.code(a -> {
            a.auipc(S0, 0); // 0x1000
            a.addi(A0, A0, 1); // 0x1004: target, first +1 then +2
            a.addi(T1, T1, -1); // 0x1008
            a.beq(T1, ZERO, 16); // 0x100c -> 0x101c
            a.sw(T0, S0, 4); // 0x1010
            a.fenceI(); // 0x1014
            a.jal(ZERO, -20); // 0x1018 -> 0x1004
            a.ecall(); // 0x101c
        });
        r.runToEcall();
        assertEquals(3, r.x(A0));
    }

    @Test
    void storeToAnotherCodePageIsSeenWhenJumpingThere() {
        long other = 0x3000;
        int li7 = Enc.i(7, ZERO, 0, A0, 0x13);
        Rig r = new Rig();
        r.code(other, a -> {
            a.addi(A0, ZERO, 1);
            a.jalr(ZERO, RA, 0);
        });
        r.set(T0, li7).set(S0, other);
        r.code(a -> {
            a.jalr(RA, S0, 0); // run the other page once (decoded)
            a.addi(A1, A0, 0);
            a.sw(T0, S0, 0); // rewrite it, no fence.i
            a.jalr(RA, S0, 0);
            a.ecall();
        });
        r.runToEcall();
        assertEquals(1, r.x(A1));
        assertEquals(7, r.x(A0), "leaving and re-entering a page looks it up again");
    }

    @Test
    void kernelWriteIsSeenOnTheNextRun() {
        Rig r = new Rig();
        r.code(a -> {
            a.addi(A0, ZERO, 1);
            a.ecall();
        });
        r.runToEcall();
        assertEquals(1, r.x(A0));
        assertTrue(r.cpu.isDecoded(r.memory, PAGE));
        byte[] b = new byte[4];
        int li5 = Enc.i(5, ZERO, 0, A0, 0x13);
        for (int k = 0; k < 4; k++) {
            b[k] = (byte) (li5 >>> (8 * k));
        }
        r.memory.write(Rig.CODE, b, 0, 4);
        assertFalse(r.cpu.isDecoded(r.memory, PAGE), "the listener dropped it");
        r.ctx.pc = Rig.CODE;
        r.runToEcall();
        assertEquals(5, r.x(A0));
    }

    @Test
    void flushAfterABulkReloadBehindTheListenersBack() {
        Rig r = new Rig();
        r.code(a -> {
            a.addi(A0, ZERO, 1);
            a.ecall();
        });
        r.runToEcall();
        int li9 = Enc.i(9, ZERO, 0, A0, 0x13);
        byte[] frame = r.memory.frame(PAGE);
        for (int k = 0; k < 4; k++) {
            frame[k] = (byte) (li9 >>> (8 * k)); // no listener sees this
        }
        r.ctx.pc = Rig.CODE;
        r.runToEcall();
        assertEquals(1, r.x(A0), "stale: still the decoded instruction");
        r.hart.flushDecodeCache();
        assertFalse(r.cpu.isDecoded(r.memory, PAGE));
        r.ctx.pc = Rig.CODE;
        r.runToEcall();
        assertEquals(9, r.x(A0));
    }

    @Test
    void crossingInstructionExecutesAndIsRefetchedEachTime() {
        Rig r = new Rig();
        long at = 0x4ffe;
        r.code(0x4ffc, a -> {
            a.c(Asm.C.nop()); // 0x4ffc
            a.addi(A0, A0, 3); // 0x4ffe .. 0x5001
            a.ecall(); // 0x5002
        });
        r.runToEcall();
        assertEquals(3, r.x(A0));
        // Change only the second half (the immediate's high bits live there): addi a0, a0, 0x403.
        int changed = Enc.i(0x403, A0, 0, A0, 0x13);
        r.memory.store(0x5000, 2, changed >>> 16);
        r.ctx.pc = at;
        r.runToEcall();
        assertEquals(3 + 0x403, r.x(A0));
    }

    @Test
    void crossingBranchBackIntoItsOwnPage() {
        Rig r = new Rig();
        r.set(T0, 3);
        r.code(0x4ff4, a -> {
            a.addi(A0, A0, 1); // 0x4ff4 loop:
            a.addi(T0, T0, -1); // 0x4ff8
            a.c(Asm.C.nop()); // 0x4ffc
            a.bne(T0, ZERO, -10); // 0x4ffe, crosses the page, back to 0x4ff4
            a.ecall(); // 0x5002
        });
        r.runToEcall();
        assertEquals(0x5002, r.ctx.pc);
        assertEquals(3, r.x(A0));
        assertEquals(0, r.x(T0));
        assertEquals(3 * 4, r.hart.instret());
    }

    @Test
    void compressedInstructionInTheLastSlot() {
        Rig r = new Rig();
        r.code(0x4ffe, a -> {
            a.c(Asm.C.li(A0, 9));
            a.ecall();
        });
        r.runToEcall();
        assertEquals(9, r.x(A0));
        assertEquals(0x5000, r.ctx.pc);
    }

    @Test
    void decodedPagesAreSharedAndRevokeWriteOnEveryHart() {
        Rig r = new Rig();
        BareTranslationUnit tlb1 = new BareTranslationUnit(r.memory, 64);
        RiscvHart h1 = r.cpu.createHart(1, tlb1, r.memory);
        HartContext c1 = new HartContext();
        h1.setContext(c1);
        // Hart 1 writes to a page (gets a write tag), then hart 0 runs code from it.
        long page = 0x6000;
        c1.x[S0] = page;
        c1.x[T0] = 0x00000073; // ecall
        r.code(a -> {
            a.sw(T0, S0, 0);
            a.ecall();
        });
        c1.pc = Rig.CODE;
        assertEquals(TrapCause.ECALL_FROM_U, h1.run(100));
        int i = (int) (page >>> 12) & tlb1.tlbMask();
        assertEquals(page >>> 12, tlb1.writeTags()[i], "hart 1 may write the page");
        r.ctx.pc = page;
        r.runToEcall();
        assertEquals(-1, tlb1.writeTags()[i], "hart 0 decoding the page revoked hart 1's write permission");
        assertTrue(r.memory.isCode(page >>> 12));
    }

    @Test
    void fastPathAccessesAreReported() {
        Rig r = new Rig();
        r.set(S0, Rig.DATA);
        r.code(a -> {
            for (int k = 0; k < 10; k++) {
                a.ld(A0, S0, 8 * k);
            }
            a.ecall();
        });
        long before = r.tlb.accesses;
        r.runToEcall();
        long refills = r.tlb.refills;
        assertEquals(2, refills, "one for fetch, one for the data page");
        assertEquals(before + 2 + 9, r.tlb.accesses, "2 refills + 9 data hits reported");
    }

    @Test
    void asidTagIsPartOfTheLookup() {
        Rig r = new Rig();
        r.tlb.setAsidTag(1L << 50);
        r.memory.store(Rig.DATA, 8, 42);
        r.set(S0, Rig.DATA);
        r.code(a -> {
            a.ld(A0, S0, 0);
            a.sd(A0, S0, 8);
            a.ecall();
        });
        r.runToEcall();
        assertEquals(42, r.x(A0));
        assertEquals(42, r.memory.load(Rig.DATA + 8, 8));
        long tag = (Rig.DATA >>> 12) | (1L << 50);
        int i = (int) (Rig.DATA >>> 12) & r.tlb.tlbMask();
        assertEquals(tag, r.tlb.readTags()[i]);
    }

    @Test
    void closedCpuStopsListening() {
        Rig r = new Rig();
        r.code(a -> a.ecall());
        r.runToEcall();
        assertTrue(r.cpu.isDecoded(r.memory, PAGE));
        r.cpu.close();
        assertFalse(r.cpu.isDecoded(r.memory, PAGE));
        RiscvCpu other = new RiscvCpu();
        RiscvHart h = other.createHart(0, r.tlb, r.memory);
        h.setContext(r.ctx);
        r.ctx.pc = Rig.CODE;
        assertEquals(TrapCause.ECALL_FROM_U, h.run(10), "a new CPU on the same memory works");
        assertTrue(other.isDecoded(r.memory, PAGE));
        r.memory.store(Rig.CODE + 8, 4, 0);
        assertFalse(other.isDecoded(r.memory, PAGE), "the new CPU's listener is registered");
    }

    @Test
    void aFourTebibyteMemoryCostsAChunkOfDecodedPagesOnlyWhereCodeRuns() {
        FrameStore memory = new FrameStore(4L << 40);
        long last = memory.frameCount() - 1;
        DecodeCache cache = new DecodeCache(memory, CostModel.UNIT.perOp());
        assertFalse(cache.isCached(last));
        DecodedPage top = cache.page(last);
        assertTrue(cache.isCached(last));
        assertTrue(memory.isCode(last));
        assertEquals(top, cache.page(last), "made once");
        assertEquals(1, cache.chunksAllocated());
        cache.page(0);
        assertEquals(2, cache.chunksAllocated(), "the first and the last chunk only");
        memory.store((last << 12) + 8, 4, 0x13);
        assertFalse(cache.isCached(last), "a write to the frame dropped its page");
        assertTrue(cache.isCached(0));
        assertThrows(IllegalArgumentException.class, () -> cache.page(last + 1));
        cache.flush();
        assertFalse(cache.isCached(0));
        cache.close();
    }
}
