package osbox.hw.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import osbox.api.hw.HartContext;

/** The simulation thread: submit/call from outside, stop. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SimulatedMachineThreadTest {
    private final TestMachines parts = new TestMachines();
    private final SimulatedMachine m = parts.build(TestMachines.settings(1, 1000, 0));

    @AfterEach
    void tearDown() {
        m.stop();
    }

    @Test
    void callRunsOnTheSimulationThread() throws Exception {
        m.start();
        assertFalse(m.onSimulationThread());
        assertTrue(m.call(m::onSimulationThread));
        Thread sim = m.call(Thread::currentThread);
        assertNotSame(Thread.currentThread(), sim);
        assertEquals("osbox-sim", sim.getName());
        assertTrue(sim.isDaemon());
    }

    @Test
    void submitRunsOnTheSimulationThread() throws Exception {
        m.start();
        CompletableFuture<Boolean> onSim = new CompletableFuture<>();
        m.submit(() -> onSim.complete(m.onSimulationThread()));
        assertTrue(onSim.get(10, TimeUnit.SECONDS));
    }

    @Test
    void submitNullRejected() {
        assertThrows(IllegalArgumentException.class, () -> m.submit(null));
    }

    @Test
    void callPropagatesCheckedExceptionsUnwrapped() {
        m.start();
        IOException thrown = new IOException("disk on fire");
        IOException e = assertThrows(IOException.class, () -> m.call(() -> {
            throw thrown;
        }));
        assertSame(thrown, e);
    }

    @Test
    void callPropagatesRuntimeExceptionsAndErrors() {
        m.start();
        assertThrows(IllegalStateException.class, () -> m.call(() -> {
            throw new IllegalStateException("x");
        }));
        Error err = new AssertionError("y");
        Error got = assertThrows(AssertionError.class, () -> m.call(() -> {
            throw err;
        }));
        assertSame(err, got);
    }

    @Test
    void callFromTheSimulationThreadRunsInlineWithoutDeadlock() throws Exception {
        m.start();
        assertEquals(42, m.call(() -> m.call(() -> 42)));
    }

    @Test
    void aFailingTaskDoesNotStopTheMachine() throws Exception {
        m.start();
        m.submit(() -> {
            throw new IllegalStateException("task bug (expected in this test)");
        });
        assertEquals(1, m.call(() -> 1));
    }

    @Test
    void stopEndsTheThread() throws Exception {
        m.start();
        Thread sim = m.call(Thread::currentThread);
        m.stop();
        assertFalse(sim.isAlive());
        assertFalse(m.onSimulationThread());
        assertEquals(5, m.call(() -> 5), "after stop, call runs inline");
    }

    @Test
    void stopEndsABusyThread() throws Exception {
        m.start();
        Thread sim = m.call(() -> {
            parts.harts().get(0).setContext(new HartContext());
            return Thread.currentThread();
        });
        m.stop();
        assertFalse(sim.isAlive());
        assertTrue(m.now() > 0);
    }

    @Test
    void stopFromTheSimulationThreadEndsItWithoutWaitingForItself() throws Exception {
        m.start();
        Thread sim = m.call(Thread::currentThread);
        m.submit(m::stop);
        sim.join(10_000);
        assertFalse(sim.isAlive());
    }

    @Test
    void stopWithoutStartIsHarmless() {
        m.stop();
        m.stop();
    }

    @Test
    void startTwiceRejected() {
        m.start();
        IllegalStateException e = assertThrows(IllegalStateException.class, m::start);
        assertEquals("machine already started", e.getMessage());
    }

    @Test
    void restartAfterStop() throws Exception {
        m.start();
        Thread first = m.call(Thread::currentThread);
        m.stop();
        m.start();
        Thread second = m.call(Thread::currentThread);
        assertNotSame(first, second);
        assertTrue(m.call(m::onSimulationThread));
    }

    @Test
    void eventsFireOnTheSimulationThread() throws Exception {
        m.start();
        CompletableFuture<Boolean> onSim = new CompletableFuture<>();
        m.submit(() -> m.events().schedule(m.now() + 1000, () -> onSim.complete(m.onSimulationThread())));
        assertTrue(onSim.get(10, TimeUnit.SECONDS));
        assertTrue(m.call(m::now) >= 1000);
    }
}
