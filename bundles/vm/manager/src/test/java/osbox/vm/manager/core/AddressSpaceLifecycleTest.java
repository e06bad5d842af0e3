package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.vm.manager.core.VmFixture.PAGE;
import static osbox.vm.manager.core.VmFixture.flags;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;
import osbox.api.hw.TranslationUnit;

/** create, satp, translateForKernel, destroy. */
class AddressSpaceLifecycleTest {
    private final VmFixture f = new VmFixture(16, 4000);

    @Test
    void satpEncodesModeAsidAndRoot() {
        PagedAddressSpace s = f.space();
        assertEquals(1, s.asid());
        long root = 16; // the first frame handed out
        assertEquals((8L << 60) | (1L << 44) | root, s.satp());
        assertEquals(TranslationUnit.MODE_SV39, (int) (s.satp() >>> 60));
        PagedAddressSpace t = f.space();
        assertEquals(2, t.asid());
        assertEquals(2, (t.satp() >>> 44) & 0xffff);
        assertFalse(s.needsFlushOnSwitch());
    }

    @Test
    void freshSpaceHasAZeroedRootAndNothingMapped() {
        PagedAddressSpace s = f.space();
        assertEquals(1, s.tablePages());
        assertEquals(0, s.residentPages());
        assertEquals(1, f.frames.used());
        byte[] root = f.mem.frame(s.satp() & ((1L << 44) - 1));
        for (byte b : root) {
            assertEquals(0, b);
        }
        assertTrue(s.regions().isEmpty());
        assertEquals(0, s.pte(0x10000));
    }

    @Test
    void spaceWithoutAFreeAsidSharesAsidZeroAndNeedsFlushes() {
        for (int i = 0; i < 2047; i++) {
            f.asids.allocate();
        }
        PagedAddressSpace s = f.space();
        assertEquals(AsidAllocator.SHARED, s.asid());
        assertTrue(s.needsFlushOnSwitch());
    }

    @Test
    void createFailsWithoutAFrame() {
        VmFixture none = new VmFixture(0, 1);
        none.frames.allocate();
        assertNull(none.space());
    }

    @Test
    void pageTablesCountAsTheyAreBuilt() {
        VmFixture.assumeSv39(); // counts the frames of Sv39 tables
        PagedAddressSpace s = f.space();
        long a = s.mapAnonymous(0, PAGE, Pte.R | Pte.W, false);
        s.handleFault(a, Access.READ);
        assertEquals(3, s.tablePages());
        assertEquals(1, s.residentPages());
        assertEquals(4, f.frames.used());
    }

    @Test
    void translateForKernelReturnsThePhysicalAddressAndSetsAccessed() {
        PagedAddressSpace s = f.space();
        s.loadSegment(0x10000, new byte[] {42}, 0, 1, PAGE, Pte.R | Pte.W);
        long pa = s.translateForKernel(0x10abc, Access.READ);
        assertEquals((Pte.ppn(s.pte(0x10000)) << 12) | 0xabc, pa);
        assertEquals(Pte.A, s.pte(0x10000) & (Pte.A | Pte.D), "a read sets A only");
        assertEquals(pa, s.translateForKernel(0x10abc, Access.WRITE));
        assertEquals(Pte.A | Pte.D, s.pte(0x10000) & (Pte.A | Pte.D), "a write sets D too");
    }

    @Test
    void translateForKernelFaultsInDemandPages() {
        PagedAddressSpace s = f.space();
        s.initStack(0);
        long va = PagedAddressSpace.STACK_TOP - 100;
        long pa = s.translateForKernel(va, Access.WRITE);
        assertTrue(pa >= 0);
        assertEquals(Pte.V | Pte.R | Pte.W | Pte.U | Pte.A | Pte.D, flags(s.pte(va)));
        assertEquals(1, s.minorFaults());
    }

    @Test
    void translateForKernelRefusesWhatTheProcessCouldNotDo() {
        PagedAddressSpace s = f.space();
        s.loadSegment(0x10000, new byte[] {1}, 0, 1, 1, Pte.R | Pte.X);
        s.initStack(1);
        assertEquals(-1, s.translateForKernel(0x10000, Access.WRITE), "read-only text");
        assertEquals(-1, s.translateForKernel(0, Access.READ), "page 0");
        assertEquals(-1, s.translateForKernel(0x5000_0000L, Access.READ), "no region");
        assertEquals(-1, s.translateForKernel(PagedAddressSpace.STACK_TOP, Access.READ), "0x40_0000_0000");
        assertEquals(-1, s.translateForKernel(0x40_0000_0000L + 0x10000, Access.READ));
        assertEquals(-1, s.translateForKernel(-1L, Access.READ), "negative (kernel half)");
        assertEquals(-1, s.translateForKernel(Long.MIN_VALUE, Access.READ));
        assertEquals(-1, s.translateForKernel(0xffff_ffc0_0001_0000L, Access.READ), "sign-extended kernel address");
        assertEquals(0, s.pte(0x10000) & Pte.A, "a refused access sets no bit");
    }

    @Test
    void destroyFreesEveryFrameAndTheAsid() {
        VmFixture.assumeSv39(); // counts the frames of Sv39 tables
        long before = f.frames.used();
        PagedAddressSpace s = f.space();
        int asid = s.asid();
        s.loadSegment(0x10000, new byte[100], 0, 100, 3 * PAGE, Pte.R | Pte.X);
        s.initHeap(0x13000);
        s.brk(0x20000);
        s.handleFault(0x15000, Access.WRITE);
        s.initStack(2);
        long a = s.mapAnonymous(0, 4 * PAGE, Pte.R | Pte.W, false);
        s.translateForKernel(a + PAGE, Access.WRITE);
        assertTrue(f.frames.used() > before + 10);

        s.destroy();

        assertEquals(before, f.frames.used());
        assertEquals(List.of(asid), f.tlb.asids);
        assertEquals(asid, f.asids.allocate(), "the ASID is free again");
        assertEquals(0, s.residentPages());
        assertEquals(0, s.tablePages());
        assertTrue(s.regions().isEmpty());
    }

    @Test
    void destroyIsIdempotent() {
        long before = f.frames.used();
        PagedAddressSpace s = f.space();
        s.initStack(1);
        PagedAddressSpace other = f.space();
        other.initStack(1);
        s.destroy();
        s.destroy();
        assertEquals(1, f.tlb.asids.size());
        other.destroy();
        assertEquals(before, f.frames.used());
    }

    @Test
    void destroyingOneSpaceLeavesAnotherIntact() {
        PagedAddressSpace s = f.space();
        PagedAddressSpace t = f.space();
        t.loadSegment(0x10000, new byte[] {7}, 0, 1, 1, Pte.R);
        s.loadSegment(0x10000, new byte[] {9}, 0, 1, 1, Pte.R);
        s.destroy();
        assertEquals(7, f.byteAt(t, 0x10000));
    }
}
