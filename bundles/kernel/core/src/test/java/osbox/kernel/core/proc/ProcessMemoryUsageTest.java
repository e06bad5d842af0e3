package osbox.kernel.core.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.kernel.MemoryUsage;
import osbox.api.memory.AddressSpace;
import osbox.hw.memory.FrameStore;
import osbox.vm.manager.core.AsidAllocator;
import osbox.vm.manager.core.FrameAllocator;
import osbox.vm.manager.core.PagedAddressSpace;
import osbox.vm.manager.core.TlbShootdown;

/** What a process reports of its memory: the current space, and counters kept across execve and exit. */
class ProcessMemoryUsageTest {
    private final FrameStore mem = new FrameStore(4L << 20);
    private final FrameAllocator frames = new FrameAllocator(0, mem.frameCount());
    private final AsidAllocator asids = new AsidAllocator();

    private AddressSpace spaceTouching(int pages) {
        PagedAddressSpace s = PagedAddressSpace.create(mem, frames, asids, TlbShootdown.NONE);
        assertNotNull(s);
        long at = s.mapAnonymous(0, pages * AddressSpace.PAGE, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE,
                false);
        for (int i = 0; i < pages; i++) {
            assertEquals(AddressSpace.SERVED, s.handleFault(at + i * AddressSpace.PAGE, Access.WRITE));
        }
        return s;
    }

    @Test
    void memoryShowsTheSpaceAndKeepsCountersAcrossExecAndExit() {
        Process p = new ProcessTable().create(0, "p", List.of("p"), 0);
        assertEquals(MemoryUsage.NONE, p.memory());
        p.setImage(null, spaceTouching(3), null);
        assertEquals(3, p.memory().residentPages());
        assertEquals(3, p.memory().minorFaults());
        // execve: the counters carry over, the pages do not
        p.keepMemoryCounters();
        p.space().destroy();
        p.setImage(null, spaceTouching(1), null);
        MemoryUsage m = p.memory();
        assertEquals(1, m.residentPages());
        assertEquals(3, m.peakResidentPages());
        assertEquals(4, m.minorFaults());
        // exit: the space is gone, the counters stay
        p.space().destroy();
        assertEquals(0, p.memory().residentPages());
        assertEquals(4, p.memory().minorFaults());
    }
}
