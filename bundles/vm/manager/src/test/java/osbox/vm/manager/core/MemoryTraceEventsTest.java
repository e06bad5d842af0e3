package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.memory.AddressSpace;
import osbox.api.trace.TraceKind;
import osbox.hw.memory.FrameStore;
import osbox.testkit.hw.FakeTracer;

/** The memory trace events (TraceKind's memory kinds) an address space records. */
class MemoryTraceEventsTest {
    /** One recorded event: kind, pid, a, b. */
    record Event(TraceKind kind, int pid, long a, long b) {
    }

    // The events traced so far, as (kind, pid, a, b).
    private List<Event> events() {
        return tracer.events().stream().map(e -> new Event(e.kind(), e.pid(), e.a(), e.b())).toList();
    }

    private final FakeTracer tracer = new FakeTracer();
    private final FrameStore mem = new FrameStore(4L << 20);
    private final FrameAllocator frames = new FrameAllocator(0, mem.frameCount());
    private final VirtualMemory vm = new VirtualMemory(mem, frames, SwapArea.none(), () -> 0, 1, tracer);

    private PagedAddressSpace space(int pid) {
        PagedAddressSpace s = PagedAddressSpace.create(vm, new AsidAllocator(), TlbShootdown.NONE);
        assertNotNull(s);
        s.assignPid(pid);
        return s;
    }

    @Test
    void faultsAnnouncementUnmapAndExitAreTracedWithTheResidentSetAfter() {
        PagedAddressSpace s = space(5);
        long at = s.mapAnonymous(0, 2 * AddressSpace.PAGE, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, false);
        assertEquals(AddressSpace.SERVED, s.handleFault(at + 8, Access.WRITE));
        s.setPid(5);
        assertEquals(AddressSpace.SERVED, s.handleFault(at + AddressSpace.PAGE, Access.READ));
        s.unmap(at, AddressSpace.PAGE);
        s.destroy();
        assertEquals(List.of(new Event(TraceKind.ZERO_FILL_FAULT, 5, at | Access.WRITE, 1),
                new Event(TraceKind.MEMORY, 5, 1, 0),
                new Event(TraceKind.ZERO_FILL_FAULT, 5, (at + AddressSpace.PAGE) | Access.READ, 2),
                new Event(TraceKind.MEMORY, 5, 1, 0),
                new Event(TraceKind.MEMORY, 5, 0, 0)), events());
    }

    @Test
    void copyOnWriteFaultsSayWhetherTheFrameWasCopied() {
        PagedAddressSpace parent = space(1);
        parent.setPid(1);
        long at = parent.mapAnonymous(0, AddressSpace.PAGE, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, false);
        parent.handleFault(at, Access.WRITE);
        PagedAddressSpace child = parent.fork();
        child.setPid(2);
        tracer.clear();
        assertEquals(AddressSpace.SERVED, child.handleFault(at, Access.WRITE));
        assertEquals(AddressSpace.SERVED, parent.handleFault(at, Access.WRITE));
        assertEquals(List.of(new Event(TraceKind.COW_FAULT, 2, at | Access.WRITE | 1, 1),
                new Event(TraceKind.COW_FAULT, 1, at | Access.WRITE, 1)), events());
    }

    @Test
    void aSpaceNeverAnnouncedLeavesNoMemoryEventWhenDestroyed() {
        PagedAddressSpace s = space(3);
        s.destroy();
        assertEquals(List.of(), events());
    }
}
