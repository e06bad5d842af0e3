package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.HartContext;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TranslationUnit;
import osbox.api.hw.TrapCause;
import osbox.hw.memory.FrameStore;
import osbox.hw.mmu.Sv39TranslationUnit;
import osbox.hw.mmu.TlbConfig;

/**
 * The hart with the real MMU in software-managed mode: misses trap with the
 * TLB-miss causes, and after the "kernel" (this test) installs the entry the
 * instruction is retried and hits. The test's page table is the identity
 * map over the pages listed as mapped, each with its own permissions.
 */
class SoftwareTlbTest {
    private static final long CODE = 0x1000;
    private static final long DATA = 0x20000;
    private static final int ASID = 5;

    private final FrameStore memory = new FrameStore(1 << 20);
    private final Sv39TranslationUnit unit =
            new Sv39TranslationUnit(0, memory, new TlbConfig(16, 2, true, true));
    private final RiscvHart hart = new RiscvCpu(CostModel.UNIT, RiscvCpu.DEFAULT_TIME_DIVIDER)
            .createHart(0, unit, memory);
    private final HartContext ctx = new HartContext();
    /** The "kernel's" page table: vpn -> Access bits (identity frames). */
    private final java.util.Map<Long, Integer> table = new java.util.HashMap<>();
    /** Pages the "kernel" has seen written (its dirty bits). */
    private final java.util.Set<Long> dirty = new java.util.HashSet<>();
    private final List<String> traps = new ArrayList<>();

    SoftwareTlbTest() {
        unit.setSatp(TranslationUnit.satp(TranslationUnit.MODE_SV39, ASID, 0x80)); // root unused: no walker
        hart.setContext(ctx);
    }

    private void code(Consumer<Asm> body) {
        Asm a = new Asm(CODE);
        body.accept(a);
        byte[] b = a.bytes();
        memory.write(CODE, b, 0, b.length);
        ctx.pc = CODE;
        map(CODE, Access.READ | Access.EXECUTE);
    }

    private void map(long va, int access) {
        table.put(va >>> 12, access);
    }

    /**
     * Runs like the kernel's trap loop: on a TLB miss, looks the page up and
     * installs it (write permission only once the page is dirty, which the
     * first store miss makes it), or gives up with the matching page fault.
     * Returns the first cause that is not a handled TLB miss.
     */
    private int runAsKernel() {
        for (int n = 0; n < 100; n++) {
            int cause = hart.run(hart.cycle() + 1_000_000);
            if (!TrapCause.isTlbMiss(cause)) {
                return cause;
            }
            long va = hart.trapValue();
            long vpn = va >>> 12;
            int access = TrapCause.tlbMissAccess(cause);
            traps.add(TrapCause.key(cause) + "@" + Long.toHexString(va));
            Integer perms = table.get(vpn);
            if (perms == null || (perms & access) == 0) {
                return TrapCause.pageFaultFor(cause);
            }
            if (access == Access.WRITE) {
                dirty.add(vpn);
            }
            boolean w = (perms & Access.WRITE) != 0 && dirty.contains(vpn);
            unit.install(va, ASID, vpn, (perms & Access.READ) != 0, w, (perms & Access.EXECUTE) != 0);
        }
        throw new AssertionError("no progress: " + traps);
    }

    @Test
    void missesTrapWithTheirAccessKindAndHitAfterInstall() {
        map(DATA, Access.READ | Access.WRITE);
        memory.store(DATA, 8, 41);
        code(a -> a.li(Asm.T0, DATA).ld(Asm.T1, Asm.T0, 0).addi(Asm.T1, Asm.T1, 1).sd(Asm.T1, Asm.T0, 8)
                .ld(Asm.T2, Asm.T0, 8).ecall());
        assertEquals(TrapCause.ECALL_FROM_U, runAsKernel());
        assertEquals(List.of("instruction-TLB-miss@1000", "load-TLB-miss@20000", "store-AMO-TLB-miss@20008"), traps,
                "fetch, load, then the first store to the clean page traps again");
        assertEquals(42, memory.load(DATA + 8, 8));
        assertEquals(42, ctx.x[Asm.T2]);
        TlbStatistics s = unit.statistics();
        assertEquals(3, s.misses());
        assertEquals(3, s.installs());
        assertEquals(0, s.walks(), "no hardware walk in software mode");
        assertEquals(0, s.faults());
    }

    @Test
    void theTrapLeavesPcAtTheMissingInstructionAndTvalAtTheAddress() {
        map(DATA, Access.READ);
        code(a -> a.li(Asm.T0, DATA + 0x18).lw(Asm.T1, Asm.T0, 0).ecall());
        int cause = hart.run(hart.cycle() + 1_000_000);
        assertEquals(TrapCause.INSTRUCTION_TLB_MISS, cause);
        assertEquals(CODE, hart.trapValue());
        assertEquals(CODE, ctx.pc);
        unit.install(CODE, ASID, CODE >>> 12, true, false, true);
        cause = hart.run(hart.cycle() + 1_000_000);
        assertEquals(TrapCause.LOAD_TLB_MISS, cause);
        assertEquals(DATA + 0x18, hart.trapValue());
        assertTrue(ctx.pc > CODE, "the li ran");
        long lwPc = ctx.pc;
        unit.install(DATA, ASID, DATA >>> 12, true, false, false);
        assertEquals(TrapCause.ECALL_FROM_U, hart.run(hart.cycle() + 1_000_000));
        assertEquals(lwPc + 4, ctx.pc);
    }

    @Test
    void anUnmappedPageEndsAsAPageFaultDecidedByTheKernel() {
        code(a -> a.li(Asm.T0, 0x9000).sw(Asm.T0, Asm.T0, 0).ecall());
        assertEquals(TrapCause.STORE_PAGE_FAULT, runAsKernel());
        assertEquals("store-AMO-TLB-miss@9000", traps.get(traps.size() - 1));
    }

    @Test
    void atomicsAndPageCrossingAccessesTrapToo() {
        map(DATA, Access.READ | Access.WRITE);
        map(DATA + 0x1000, Access.READ | Access.WRITE);
        memory.store(DATA + 0xffc, 4, 0x11223344);
        memory.store(DATA + 0x1000, 4, 0x55667788);
        code(a -> a.li(Asm.T0, DATA + 0xffe).ld(Asm.T1, Asm.T0, 0)      // crosses into the next page
                .li(Asm.T2, DATA).li(Asm.S0, 7).amo(0x00, 2, Asm.S1, Asm.S0, Asm.T2) // amoadd.w
                .ecall());
        assertEquals(TrapCause.ECALL_FROM_U, runAsKernel());
        assertEquals(List.of("instruction-TLB-miss@1000", "load-TLB-miss@20ffe", "load-TLB-miss@21000",
                "store-AMO-TLB-miss@20000"), traps);
        assertEquals(0x55667788_1122L, ctx.x[Asm.T1] & 0xffff_ffff_ffffL);
        assertEquals(7, memory.load(DATA, 4));
    }

    @Test
    void bareModeIsTranslatedByTheHardwareEvenWithASoftwareTlb() {
        unit.setSatp(0);
        memory.store(DATA, 8, 99);
        code(a -> a.li(Asm.T0, DATA).ld(Asm.T1, Asm.T0, 0).ecall());
        assertEquals(TrapCause.ECALL_FROM_U, hart.run(hart.cycle() + 1_000_000));
        assertEquals(99, ctx.x[Asm.T1]);
        assertEquals(0, unit.statistics().installs());
    }

    @Test
    void aHardwareRefilledTlbStillReportsPageFaults() {
        Sv39TranslationUnit hw = new Sv39TranslationUnit(0, memory, new TlbConfig(16, 2, true, false));
        hw.setSatp(TranslationUnit.satp(TranslationUnit.MODE_SV39, 1, 0x80));   // empty root table
        memory.zeroFrame(0x80);
        RiscvHart h = new RiscvCpu(CostModel.UNIT, RiscvCpu.DEFAULT_TIME_DIVIDER).createHart(0, hw, memory);
        HartContext c = new HartContext();
        c.pc = CODE;
        h.setContext(c);
        assertEquals(TrapCause.INSTRUCTION_PAGE_FAULT, h.run(1_000_000));
        assertEquals(1, hw.statistics().walks());
    }

    @Test
    void aTwoWayTlbKeepsConflictingPagesThatThrashADirectMappedOne() {
        // Bare mode (identity, hardware refill): DATA and DATA + 16 pages share a set of an 16-set TLB.
        long other = DATA + 16 * 4096;
        TlbStatistics direct = loopOverTwoPages(new TlbConfig(16, 1, true, false), other);
        TlbStatistics twoWay = loopOverTwoPages(new TlbConfig(32, 2, true, false), other);
        // 1 code-page lookup + 200 loads
        assertEquals(new TlbStatistics(201, 201, 201, 0, 0, 0, 0), direct, "direct-mapped: every load misses");
        assertEquals(new TlbStatistics(201, 3, 3, 0, 0, 198, 0), twoWay,
                "two-way: 3 cold misses, then every load finds the other page in way 1");
    }

    // Runs a 100-iteration loop loading from DATA and other alternately; checks the sum; returns the TLB's counters.
    private TlbStatistics loopOverTwoPages(TlbConfig config, long other) {
        FrameStore m = new FrameStore(1 << 20);
        Sv39TranslationUnit u = new Sv39TranslationUnit(0, m, config);
        RiscvHart h = new RiscvCpu(CostModel.UNIT, RiscvCpu.DEFAULT_TIME_DIVIDER).createHart(0, u, m);
        m.store(DATA, 8, 3);
        m.store(other, 8, 4);
        Asm a = new Asm(CODE);
        a.li(Asm.T0, DATA).li(Asm.T1, other).li(Asm.A0, 0).li(Asm.A1, 100);
        long loop = a.pc();
        a.ld(Asm.T2, Asm.T0, 0).add(Asm.A0, Asm.A0, Asm.T2).ld(Asm.T2, Asm.T1, 0).add(Asm.A0, Asm.A0, Asm.T2)
                .addi(Asm.A1, Asm.A1, -1);
        a.bne(Asm.A1, Asm.ZERO, (int) (loop - a.pc())).ecall();
        byte[] b = a.bytes();
        m.write(CODE, b, 0, b.length);
        HartContext c = new HartContext();
        c.pc = CODE;
        h.setContext(c);
        assertEquals(TrapCause.ECALL_FROM_U, h.run(10_000_000));
        assertEquals(700, c.x[Asm.A0]);
        return u.statistics();
    }
}
