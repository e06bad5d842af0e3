package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.hw.FakeTracer;

/**
 * Access sampling for policies that ask for it (reference bits scanned at a
 * period, reported, cleared and shot down), and the no-progress watchdog.
 */
class AccessSamplingTest {
    static final long HEAP = SwapTest.HEAP;
    static final long PAGE = VmFixture.PAGE;

    /** Evicts the page loaded last (MRU without uses) and records the accesses it is told of. */
    static final class Newest implements ReplacementPolicy {
        final List<PageView> pages = new ArrayList<>();
        final List<Long> accessed = new ArrayList<>();
        final long period;

        Newest(long period) {
            this.period = period;
        }

        @Override
        public void attach(ReplacementContext c, List<PageView> resident) {
            pages.addAll(resident);
        }

        @Override
        public void loaded(PageView page) {
            pages.add(page);
        }

        @Override
        public void accessed(PageView page) {
            accessed.add(page.vpn());
        }

        @Override
        public void removed(PageView page) {
            pages.removeIf(p -> p.id() == page.id());
        }

        @Override
        public PageView victim() {
            return pages.remove(pages.size() - 1);
        }

        @Override
        public long accessSamplePeriod() {
            return period;
        }
    }

    /** A machine as the mechanism sees it: events kept in a sorted map, a settable instruction count. */
    static final class FakeHost implements VirtualMemory.Host {
        final TreeMap<Long, Runnable> events = new TreeMap<>();
        final Map<Long, Long> times = new TreeMap<>();
        long nextId = 1;
        boolean running = true;
        long instret;

        @Override
        public long schedule(long at, Runnable action) {
            long id = nextId++;
            events.put(id, action);
            times.put(id, at);
            return id;
        }

        @Override
        public void cancel(long id) {
            events.remove(id);
            times.remove(id);
        }

        @Override
        public boolean running() {
            return running;
        }

        @Override
        public long progress(PagedAddressSpace space) {
            return instret;
        }

        /** Fires the only pending event; returns its time. */
        long fire() {
            assertEquals(1, events.size(), "one sampling event pending");
            long id = events.firstKey();
            long at = times.remove(id);
            events.remove(id).run();
            return at;
        }
    }

    static ReplacementPolicyProvider provider(ReplacementPolicy p) {
        return new ReplacementPolicyProvider() {
            public String describe() { return "test"; }
            public Map<String, String> defaults() { return Map.of(); }
            public ReplacementPolicy create(Map<String, String> options) { return p; }
        };
    }

    @Test
    void samplingReportsReferencedPagesClearsTheirBitAndDropsTheirTlbEntries() {
        VmFixture f = new VmFixture(0, 64, 1 << 20);
        PagedAddressSpace s = SwapTest.program(f, 5);
        s.setPid(3);
        SwapTest.writeAll(f, s, 5, 0); // the kernel's writes set A
        Newest p = new Newest(1000);
        f.vm.addProvider("newest", provider(p));
        assertTrue(f.vm.select("newest", Map.of()));
        assertEquals(1000, f.vm.samplePeriod());
        f.clock = 1500;
        f.tlb.pages.clear();
        long[] before = new long[5];
        for (int i = 0; i < 5; i++) {
            before[i] = f.vm.resident().get(Pte.ppn(s.pte(HEAP + i * PAGE))).accesses();
        }
        f.vm.sample();
        List<Long> heap = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            heap.add((HEAP >>> 12) + i);
        }
        assertEquals(heap, p.accessed, "every referenced page, in load order");
        assertEquals(5, f.vm.sampledReferenced());
        assertEquals(5, f.tlb.pages.size(), "each one's TLB entry dropped");
        for (int i = 0; i < 5; i++) {
            assertEquals(0, s.pte(HEAP + i * PAGE) & Pte.A, "A cleared");
            PageRecord r = f.vm.resident().get(Pte.ppn(s.pte(HEAP + i * PAGE)));
            assertEquals(1500, r.lastAccess());
            assertEquals(before[i] + 1, r.accesses(), "one more: the sampling");
        }
        // nothing used since: nothing reported
        p.accessed.clear();
        f.vm.sample();
        assertEquals(List.of(), p.accessed);
        // one page used again (A set by the access): only it
        long[] v = new long[1];
        assertTrue(new CopyMemory(f.mem, s).readLong(HEAP + 2 * PAGE, v));
        p.accessed.clear(); // the kernel's access is reported at once
        f.vm.sample();
        assertEquals(List.of((HEAP >>> 12) + 2), p.accessed);
    }

    @Test
    void samplingRunsFromEventsWhileAProcessRunsAndResumesAtTheNextTrap() {
        VmFixture f = new VmFixture(0, 64, 1 << 20);
        PagedAddressSpace s = SwapTest.program(f, 3);
        SwapTest.writeAll(f, s, 3, 0);
        FakeHost host = new FakeHost();
        f.vm.useHost(host);
        assertTrue(host.events.isEmpty(), "the built-in FIFO asks for no sampling");
        Newest p = new Newest(1000);
        f.vm.addProvider("newest", provider(p));
        f.clock = 100;
        assertTrue(f.vm.select("newest", Map.of()));
        f.clock = 1100;
        assertEquals(1100, host.fire());
        assertEquals(1, f.vm.samples());
        assertEquals(3, p.accessed.size());
        f.clock = 2100;
        assertEquals(2100, host.fire(), "the next one a period later");
        assertEquals(2, f.vm.samples());
        // every hart idle: the chain stops (a pending event would move an idle machine's clock)
        host.running = false;
        f.clock = 3100;
        host.fire();
        assertEquals(2, f.vm.samples(), "nothing ran: no scan");
        assertTrue(host.events.isEmpty());
        // a trap (the kernel takes the swap cycles after every one) resumes it
        host.running = true;
        f.vm.takeCycles();
        assertEquals(1, host.events.size());
        // a trap after which nothing runs (the last process exited) drops it
        host.running = false;
        f.vm.takeCycles();
        assertTrue(host.events.isEmpty());
        host.running = true;
        f.vm.takeCycles();
        // a policy that wants none cancels it
        f.vm.addProvider("fifo-like", provider(new Newest(Long.MAX_VALUE)));
        assertTrue(f.vm.select("fifo-like", Map.of()));
        assertTrue(host.events.isEmpty());
    }

    @Test
    void aPolicyWhoseVictimsStopAProcessIsEjected() {
        VmFixture f = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = SwapTest.program(f, 40);
        s.setPid(9);
        SwapTest.writeAll(f, s, 40, 5); // memory full, most of the heap in swap (FIFO)
        FakeHost host = new FakeHost();
        f.vm.useHost(host);
        Newest bad = new Newest(Long.MAX_VALUE);
        f.vm.addProvider("newest", provider(bad));
        assertTrue(f.vm.select("newest", Map.of()));
        long a = HEAP;
        long b = HEAP + PAGE;
        assertTrue(Pte.isSwapped(s.pte(a)) && Pte.isSwapped(s.pte(b)));
        // one instruction needs pages a and b; no instruction retires: each fault evicts the other page
        for (int i = 0; i < 20 && !f.vm.slot().isFallback(); i++) {
            assertEquals(PagedAddressSpace.SERVED, s.handleFault(i % 2 == 0 ? a : b, Access.WRITE));
        }
        assertTrue(f.vm.slot().isFallback(), "ejected");
        String reason = f.vm.slot().ejections().get(0).reason();
        assertTrue(reason.startsWith("no progress: pid 9 faulted page 0x"), reason);
        assertTrue(reason.contains(VirtualMemory.NO_PROGRESS_LIMIT + " times in a row"), reason);
        // FIFO keeps both
        s.handleFault((s.pte(a) & Pte.V) == 0 ? a : b, Access.WRITE);
        assertTrue((s.pte(a) & Pte.V) != 0 && (s.pte(b) & Pte.V) != 0);
        SwapTest.checkAll(f, s, 40, 5);
    }

    @Test
    void evictingThePageJustLoadedIsFineWhileInstructionsRetire() {
        VmFixture f = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = SwapTest.program(f, 40);
        SwapTest.writeAll(f, s, 40, 5);
        FakeHost host = new FakeHost();
        f.vm.useHost(host);
        Newest mru = new Newest(Long.MAX_VALUE);
        f.vm.addProvider("newest", provider(mru));
        assertTrue(f.vm.select("newest", Map.of()));
        for (int i = 0; i < 40; i++) {
            host.instret++; // the faulting instruction retired before the next fault
            s.handleFault(i % 2 == 0 ? HEAP : HEAP + PAGE, Access.READ);
        }
        assertFalse(f.vm.slot().isFallback(), "MRU's usual behaviour is not a livelock");
        SwapTest.checkAll(f, s, 40, 5);
    }

    @Test
    void theEjectionIsTracedAndPagingIsTracedOnlyAsMemoryEvents() {
        FakeTracer tracer = new FakeTracer();
        osbox.hw.memory.FrameStore mem = new osbox.hw.memory.FrameStore(1L << 20);
        VirtualMemory vm = new VirtualMemory(mem, new FrameAllocator(0, 12), new SwapArea(1 << 20, 10), () -> 0,
                7, tracer);
        PagedAddressSpace s = PagedAddressSpace.create(vm, new AsidAllocator(), new RecordingShootdown());
        s.loadSegment(0x10000, new byte[] {1, 2, 3}, 0, 3, 3, Pte.R | Pte.X);
        s.initHeap(0x10003);
        s.brk(HEAP + 40 * PAGE);
        s.setPid(4);
        CopyMemory u = new CopyMemory(mem, s);
        for (int i = 0; i < 40; i++) {
            assertTrue(u.writeLong(HEAP + i * PAGE, i));
        }
        FakeHost host = new FakeHost();
        vm.useHost(host);
        vm.addProvider("newest", provider(new Newest(Long.MAX_VALUE)));
        assertTrue(vm.select("newest", Map.of()));
        for (int i = 0; i < 20 && !vm.slot().isFallback(); i++) {
            s.handleFault(i % 2 == 0 ? HEAP : HEAP + PAGE, Access.WRITE);
        }
        assertTrue(vm.slot().isFallback());
        List<osbox.api.trace.TraceEvent> events = tracer.events();
        assertTrue(events.stream().anyMatch(e -> e.kind() == osbox.api.trace.TraceKind.NOTE
                && e.text().startsWith("page replacement policy newest ejected: no progress: pid 4")), "traced");
        assertTrue(events.stream().anyMatch(e -> e.kind() == osbox.api.trace.TraceKind.PAGE_OUT));
        assertTrue(events.stream().anyMatch(e -> e.kind() == osbox.api.trace.TraceKind.PAGE_IN));
        assertFalse(events.stream().anyMatch(e -> e.kind() == osbox.api.trace.TraceKind.NOTE
                && (e.text().startsWith("page-out") || e.text().startsWith("page-in"))), "no duplicate notes");
        assertFalse(events.stream().anyMatch(e -> e.kind() == osbox.api.trace.TraceKind.PAGE_FAULT));
    }
}
