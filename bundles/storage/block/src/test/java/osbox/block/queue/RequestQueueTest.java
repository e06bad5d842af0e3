package osbox.block.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;
import osbox.api.trace.TraceKind;
import osbox.block.Request;
import osbox.block.RequestEvents;
import osbox.testkit.hw.FakeEventQueue;
import osbox.testkit.hw.FakeTracer;

/** The request queue's mechanism: checks, merging, plugging, fences, completion, accounting, trace. */
class RequestQueueTest {
    static final long SECTORS = 1 << 20;

    FakeEventQueue events;
    FakeTracer tracer;
    FakeDriver driver;
    BlockLayerCore layer;
    LowestSectorFirst policy;
    /** Each completion as "sector+count errno". */
    final List<String> completions = new ArrayList<>();

    @BeforeEach
    void boot() {
        events = new FakeEventQueue();
        tracer = new FakeTracer(events::now);
        driver = new FakeDriver(events, 100);
        layer = new BlockLayerCore(events::now, 1_000_000_000L, tracer, 0);
        layer.addDevice("vda", SECTORS, false, driver);
        layer.slot().addProvider("lowest", LowestSectorFirst.provider(() -> policy = new LowestSectorFirst()));
        layer.slot().select("lowest", Map.of());
    }

    BlockIo io(IoOperation op, long sector, int count, int flags, int pid, int tid) {
        boolean flush = op == IoOperation.FLUSH;
        return new BlockIo(0, op, sector, count, flush ? new long[0] : new long[] {0x8000},
                flush ? new int[0] : new int[] {count * 512}, flags, pid, tid, 0,
                (io, errno) -> completions.add(io.sector() + "+" + io.count() + (errno == 0 ? "" : " " + errno)));
    }

    BlockIo read(long sector, int count) {
        return io(IoOperation.READ, sector, count, 0, 1, 1);
    }

    BlockIo write(long sector, int count) {
        return io(IoOperation.WRITE, sector, count, 0, 1, 1);
    }

    List<String> started() {
        List<String> out = new ArrayList<>();
        for (Request r : driver.started) {
            out.add(r.operation().name().charAt(0) + " " + r.sector() + "+" + r.count());
        }
        return out;
    }

    @Test
    void badIosAreRefusedWithoutCompletion() {
        BlockLayerCore ro = new BlockLayerCore(events::now, 1_000_000_000L, null, 0);
        ro.addDevice("vda", 100, true, driver);
        assertEquals(-30, ro.submit(write(0, 8)), "EROFS");
        assertEquals(-22, ro.submit(read(96, 8)), "EINVAL past the end");
        BlockIo other = new BlockIo(3, IoOperation.READ, 0, 1, new long[] {0}, new int[] {512}, 0, 1, 1, 0,
                (io, e) -> completions.add("no"));
        assertEquals(-6, ro.submit(other), "ENXIO");
        assertEquals(0, ro.submit(read(92, 8)));
        events.advanceTo(1000);
        assertEquals(List.of("92+8"), completions);
    }

    @Test
    void thePolicyChoosesAndEachIoCompletesOnce() {
        layer.submit(read(500, 8));     // on the device at once
        layer.submit(read(300, 8));
        layer.submit(read(100, 8));
        layer.submit(read(200, 8));
        events.advanceTo(10_000);
        assertEquals(List.of("R 500+8", "R 100+8", "R 200+8", "R 300+8"), started());
        assertEquals(List.of("500+8", "100+8", "200+8", "300+8"), completions);
        assertEquals(308, layer.counters(0).get("head"));
        assertEquals(4, layer.counters(0).get("reads"));
    }

    @Test
    void adjacentIosMergeBackAndFrontAndThePolicySeesRemoveThenAdd() {
        layer.submit(read(0, 8));       // busy
        layer.submit(read(100, 8));
        layer.submit(read(108, 8));     // back merge: 100+16
        layer.submit(read(92, 8));      // front merge: 92+24
        layer.submit(write(116, 8));    // another operation: no merge
        events.advanceTo(10_000);
        assertEquals(List.of("attach 0", "add 0+8", "add 100+8", "remove 100+8", "add 100+16", "remove 100+16", "add 92+24", "add 116+8"),
                policy.calls);
        assertEquals(List.of("R 0+8", "R 92+24", "W 116+8"), started());
        assertEquals(List.of("0+8", "92+8", "100+8", "108+8", "116+8"), completions,
                "a merged request completes each of its I/Os, in sector order");
        assertEquals(2, layer.counters(0).get("merges"));
    }

    @Test
    void anIoFillingAGapJoinsBothNeighbours() {
        layer.submit(read(0, 8));
        layer.submit(read(100, 8));
        layer.submit(read(116, 8));
        layer.submit(read(108, 8));
        events.advanceTo(10_000);
        assertEquals(List.of("R 0+8", "R 100+24"), started());
        assertTrue(policy.calls.containsAll(List.of("remove 100+8", "remove 116+8", "add 100+24")));
    }

    @Test
    void mergingStopsAtTheDevicesLargestCommand() {
        layer.submit(read(0, 8));
        layer.submit(read(8, 2048));
        layer.submit(read(2056, 8));
        events.advanceTo(10_000);
        assertEquals(List.of("R 0+8", "R 8+2048", "R 2056+8"), started());
    }

    @Test
    void aPluggedThreadsIosMergeAndWaitForTheUnplug() {
        layer.plug(1);
        layer.submit(read(16, 8));
        layer.submit(read(8, 8));
        layer.submit(read(24, 8));
        layer.submit(read(500, 8));
        events.advanceTo(1000);
        assertEquals(List.of(), started(), "nothing reaches the device while plugged");
        layer.unplug(1);
        events.advanceTo(10_000);
        assertEquals(List.of("R 8+24", "R 500+8"), started());
        assertEquals(4, completions.size());
    }

    @Test
    void aFullPlugLetsGoOnItsOwn() {
        layer.plug(1);
        for (int i = 0; i < RequestQueue.PLUG_LIMIT; i++) {
            layer.submit(read(1000L * i, 8));
        }
        events.advanceTo(100_000);
        assertEquals(RequestQueue.PLUG_LIMIT, completions.size());
    }

    @Test
    void aFlushIsAFenceNothingPassesEitherWay() {
        layer.submit(write(900, 8));    // busy
        layer.submit(write(800, 8));
        layer.submit(io(IoOperation.FLUSH, 0, 0, 0, 1, 1));
        layer.submit(write(10, 8));     // the lowest sector, but behind the fence
        layer.submit(write(700, 8));
        events.advanceTo(100_000);
        assertEquals(List.of("W 900+8", "W 800+8", "F 0+0", "W 10+8", "W 700+8"), started());
    }

    @Test
    void aPreflushWriteIsAFenceAndFuaPassesDown() {
        layer.submit(write(900, 8));
        layer.submit(write(800, 8));
        layer.submit(io(IoOperation.WRITE, 600, 8, BlockIo.PREFLUSH | BlockIo.FUA, 1, 1));
        layer.submit(io(IoOperation.WRITE, 608, 8, BlockIo.FUA, 1, 1));   // merges behind the barrier
        layer.submit(write(10, 8));
        events.advanceTo(100_000);
        assertEquals(List.of("W 900+8", "W 800+8", "W 600+16", "W 10+8"), started());
        Request barrier = driver.started.get(2);
        assertEquals(BlockIo.PREFLUSH | BlockIo.FUA, barrier.flags() & (BlockIo.PREFLUSH | BlockIo.FUA));
    }

    @Test
    void processesAreAccountedAndListenersAndTheTraceAreTold() {
        List<String> told = new ArrayList<>();
        layer.addListener(new RequestEvents() {
            @Override
            public void queued(Request r, long now, int depth) {
                told.add("queued " + r.sector());
            }

            @Override
            public void merged(Request r, long now, int depth) {
                told.add("merged " + r.sector() + "+" + r.count());
            }

            @Override
            public void dispatched(Request r, long now, long headFrom, int depth) {
                told.add("dispatched " + r.sector() + " from " + headFrom);
            }

            @Override
            public void completed(Request r, int errno, long now, int depth) {
                told.add("completed " + r.sector() + " at " + now);
            }
        });
        layer.submit(io(IoOperation.READ, 40, 8, BlockIo.SYNC, 7, 7));
        layer.submit(io(IoOperation.WRITE, 80, 8, 0, 7, 7));
        layer.submit(io(IoOperation.WRITE, 88, 8, 0, 7, 7));
        events.advanceTo(10_000);
        assertEquals(List.of("queued 40", "dispatched 40 from 0", "queued 80", "merged 80+16", "completed 40 at 100",
                "dispatched 80 from 48", "completed 80 at 200"), told);
        Map<String, Long> p = layer.processCounters(7);
        assertEquals(List.of("read_bytes", "write_bytes", "reads", "writes", "wait_cycles"), List.copyOf(p.keySet()));
        assertEquals(4096, p.get("read_bytes"));
        assertEquals(8192, p.get("write_bytes"));
        assertEquals(1, p.get("reads"));
        assertEquals(2, p.get("writes"));
        assertEquals(100 + 200 + 200, p.get("wait_cycles"));
        assertEquals(Map.of(), layer.processCounters(8));
        assertEquals("vda R 40+8 sync", tracer.events(TraceKind.BLOCK_ISSUE).get(0).text());
        assertEquals("vda W 80+16 by lowest, 0 queued", tracer.events(TraceKind.BLOCK_DISPATCH).get(1).text());
        assertEquals("vda W 80+16 in 0 us", tracer.events(TraceKind.BLOCK_COMPLETE).get(1).text());
        assertEquals((0L << 32) | 16, tracer.events(TraceKind.BLOCK_COMPLETE).get(1).b());
    }

    @Test
    void aDeviceErrorReachesEveryIo() {
        driver.errno = 5;
        layer.submit(read(0, 8));
        events.advanceTo(1000);
        assertEquals(List.of("0+8 5"), completions);
        assertEquals(1, layer.counters(0).get("errors"));
    }
}
