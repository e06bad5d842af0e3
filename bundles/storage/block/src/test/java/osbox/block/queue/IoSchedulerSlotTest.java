package osbox.block.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.io.BlockIo;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoOperation;
import osbox.api.policy.PolicyControl;
import osbox.testkit.hw.FakeEventQueue;

/** The io.sched slot: swaps with requests queued, ejections, the watchdog, a device per policy instance. */
class IoSchedulerSlotTest {
    FakeEventQueue events;
    FakeDriver vda;
    FakeDriver vdb;
    BlockLayerCore layer;
    final List<LowestSectorFirst> made = new ArrayList<>();
    /** Completions per I/O, by an index given at submission. */
    int[] completed = new int[4000];

    @BeforeEach
    void boot() {
        events = new FakeEventQueue();
        vda = new FakeDriver(events, 100);
        vdb = new FakeDriver(events, 100);
        layer = new BlockLayerCore(events::now, 1_000_000_000L, null, 0);
        layer.addDevice("vda", 1 << 20, false, vda);
        layer.addDevice("vdb", 1 << 20, false, vdb);
        layer.slot().addProvider("lowest", LowestSectorFirst.provider(() -> add(new LowestSectorFirst())));
    }

    LowestSectorFirst add(LowestSectorFirst p) {
        made.add(p);
        return p;
    }

    void submit(int device, long sector, int index) {
        BlockIo io = new BlockIo(device, IoOperation.READ, sector, 8, new long[] {0}, new int[] {4096}, 0, 1, 1, 0,
                (x, errno) -> completed[index]++);
        assertEquals(0, layer.submit(io));
    }

    void assertEachCompletedOnce(int n) {
        for (int i = 0; i < n; i++) {
            assertEquals(1, completed[i], "I/O " + i + " completions");
        }
    }

    @Test
    void eachDeviceGetsItsOwnInstance() {
        assertTrue(layer.slot().select("lowest", Map.of()));
        assertEquals(2, made.size());
        assertTrue(made.get(0) != made.get(1));
        assertEquals("lowest", layer.scheduler(1));
    }

    @Test
    void aSwapWithAThousandQueuedLosesAndDuplicatesNothing() {
        // every other sector, so nothing merges: 1000 requests queued behind the one on the device
        for (int i = 0; i < 1000; i++) {
            submit(0, (long) ((i * 7919) % 1000) * 16, i);
        }
        assertEquals(999, layer.queue(0).depth());
        assertTrue(layer.slot().select("lowest", Map.of()));
        LowestSectorFirst p = made.get(0);
        assertEquals("attach 999", p.calls.get(0), "seeded with every queued request");
        events.advanceTo(100 * 10);    // ten served by the new policy, in sector order
        assertTrue(layer.slot().select(PolicyControl.BUILTIN, Map.of()));
        assertTrue(p.detached);
        events.advanceTo(10_000_000);
        assertEachCompletedOnce(1000);
        assertEquals(1000, vda.started.size());
        assertEquals(2, layer.slot().slot().swaps());
    }

    @Test
    void theSeedIsInArrivalOrder() {
        submit(0, 0, 0);
        submit(0, 500, 1);
        submit(0, 300, 2);
        submit(0, 100, 3);
        List<Long> seen = new ArrayList<>();
        layer.slot().addProvider("spy", LowestSectorFirst.provider(() -> new LowestSectorFirst() {
            @Override
            public void attach(osbox.api.io.IoSchedulingContext c, List<BlockRequest> queued) {
                if (c.device() == 0) {
                    queued.forEach(r -> seen.add(r.sector()));
                }
                super.attach(c, queued);
            }
        }));
        layer.slot().select("spy", Map.of());
        assertEquals(List.of(500L, 300L, 100L), seen);
    }

    /** A policy that breaks the contract in one way once it holds two requests. */
    LowestSectorFirst breaking(String how) {
        return new LowestSectorFirst() {
            @Override
            public BlockRequest dispatch(long head, long now) {
                if (queue.size() < 2) {
                    return super.dispatch(head, now);
                }
                switch (how) {
                    case "throws" -> throw new IllegalStateException("broken");
                    case "null" -> {
                        return null;
                    }
                    default -> {
                        return stranger(queue.first());
                    }
                }
            }
        };
    }

    static BlockRequest stranger(BlockRequest like) {
        return (BlockRequest) java.lang.reflect.Proxy.newProxyInstance(BlockRequest.class.getClassLoader(),
                new Class<?>[] {BlockRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "id" -> 123_456L;
                    case "toString" -> "request 123456";
                    default -> m.invoke(like, args);
                });
    }

    void ejectedFor(String how, String reason) {
        layer.slot().addProvider(how, LowestSectorFirst.provider(() -> breaking(how)));
        assertTrue(layer.slot().select(how, Map.of()));
        for (int i = 0; i < 20; i++) {
            submit(i % 2, 1000 - i * 16, i);
        }
        events.advanceTo(10_000_000);
        assertEachCompletedOnce(20);
        assertEquals(PolicyControl.BUILTIN, layer.slot().activeName());
        assertTrue(layer.slot().isFallback());
        List<osbox.kernel.support.PolicySlot.Ejection> ejections = layer.slot().slot().ejections();
        assertEquals(1, ejections.size(), "one ejection, on every device at once");
        assertTrue(ejections.get(0).reason().contains(reason), ejections.get(0).reason());
        assertEquals(how, ejections.get(0).policy());
    }

    @Test
    void aPolicyThatThrowsIsEjected() {
        ejectedFor("throws", "threw java.lang.IllegalStateException: broken");
    }

    @Test
    void aPolicyReturningNullWhileHoldingIsEjected() {
        ejectedFor("null", "returned null while holding");
    }

    @Test
    void aPolicyReturningARequestItDoesNotHoldIsEjected() {
        ejectedFor("stranger", "returned request 123456, which it does not hold");
    }

    @Test
    void theWatchdogEjectsAPolicyThatStarvesARequest() {
        layer.watchdog(1000);
        layer.slot().select("lowest", Map.of());
        submit(0, 0, 0);
        submit(0, 900_000, 1);          // far away: starved while low sectors keep coming
        for (int i = 0; i < 30; i++) {
            submit(0, 16 + 16L * i, 2 + i);
            events.advanceTo(events.now() + 100);
        }
        events.advanceTo(10_000_000);
        assertEachCompletedOnce(32);
        assertTrue(layer.slot().isFallback());
        assertTrue(layer.slot().slot().ejections().get(0).reason().contains("past the watchdog's 1000"));
    }

    @Test
    void anUnknownNameWaitsForItsBundleAndTheFifoRunsMeanwhile() {
        assertFalse(layer.slot().select("later", Map.of()));
        submit(0, 10, 0);
        submit(0, 5, 1);
        events.advanceTo(1000);
        assertEachCompletedOnce(2);
        layer.slot().addProvider("later", LowestSectorFirst.provider(() -> add(new LowestSectorFirst())));
        assertEquals("later", layer.scheduler(0));
    }

    @Test
    void theControlListsTheFifoAndTheProviders() throws Exception {
        PolicyControl control = layer.slot().control(java.util.concurrent.Callable::call);
        assertEquals("io.sched", control.kind());
        assertEquals(List.of("builtin", "lowest"), control.policies().stream().map(PolicyControl.Policy::name).toList());
        assertTrue(control.use("lowest", Map.of()));
        assertEquals("lowest", control.active());
    }
}
