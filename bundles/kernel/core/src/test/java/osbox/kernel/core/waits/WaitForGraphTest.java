package osbox.kernel.core.waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import osbox.api.hw.HartContext;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.WaitHolder;
import osbox.api.kernel.WaitResource;
import osbox.api.memory.AddressSpace;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.kernel.core.sched.SchedEntity;
import osbox.kernel.core.sched.Task;

/**
 * The wait-for graph and the detection policy on tasks and resources made
 * up here: knots are deadlocks, a cycle with a way out is not, edges go
 * when waits end, and each policy does what it says.
 */
class WaitForGraphTest {
    /** A task: a pid, its state, and nothing else the graph needs. */
    static final class FakeTask implements Task, WaitHolder {
        final int pid;
        ProcessState state = ProcessState.RUNNING;
        private final SchedEntity sched = new SchedEntity();

        FakeTask(int pid) {
            this.pid = pid;
        }

        @Override public SchedEntity sched() { return sched; }
        @Override public ProcessState state() { return state; }
        @Override public void setState(ProcessState s) { state = s; }
        @Override public HartContext context() { return null; }
        @Override public AddressSpace space() { return null; }
        @Override public int id() { return pid; }
        @Override public String name() { return "t" + pid; }
        @Override public int nice() { return 0; }
        @Override public int priority() { return 0; }
        @Override public int tickets() { return 0; }
        @Override public long arrival() { return 0; }
        @Override public long lengthHint() { return 0; }
        @Override public long burstHint() { return 0; }
        @Override public long runtime() { return 0; }
        @Override public long lastBurst() { return 0; }
        @Override public int lastHart() { return -1; }
        @Override public int pid() { return pid; }
        @Override public int tid() { return pid; }
        @Override public boolean holdsFile(OpenFile file) { return false; }
    }

    /** A resource held by a fixed set of pids. */
    record Held(String describe, Set<Integer> holders) implements WaitResource {
        @Override
        public boolean heldBy(WaitHolder h) {
            return holders.contains(h.pid());
        }
    }

    /** Records what it is told. */
    static final class Events implements Tracer {
        final List<TraceEvent> events = new ArrayList<>();

        @Override public void record(TraceKind kind, int hart, int pid, long a, long b) {
            record(kind, hart, pid, a, b, null);
        }
        @Override public void record(TraceKind kind, int hart, int pid, long a, long b, String text) {
            events.add(new TraceEvent(0, kind, hart, pid, a, b, text));
        }
        @Override public long hash() { return 0; }
        @Override public long count() { return events.size(); }
        @Override public List<TraceEvent> events() { return List.copyOf(events); }
    }

    private final FakeTask a = new FakeTask(1);
    private final FakeTask b = new FakeTask(2);
    private final FakeTask c = new FakeTask(3);
    private final List<FakeTask> live = List.of(a, b, c);
    private final WaitForGraph<FakeTask> graph = new WaitForGraph<>(() -> live);
    private final Events trace = new Events();
    private final DeadlockDetector<FakeTask> detector = new DeadlockDetector<>(graph, trace, pid -> { }, t -> { });

    private static Held held(String name, Integer... pids) {
        return new Held(name, Set.of(pids));
    }

    @Test
    void aWaitForARunningHolderIsNoDeadlock() {
        graph.begin(a, held("r", 2), 0);
        assertNull(graph.detect(a, 1, 0));
    }

    @Test
    void twoTasksWaitingForEachOtherAreDeadlocked() {
        graph.begin(a, held("pipe AB", 2), 0);
        assertNull(graph.detect(a, 1, 0), "b still runs");
        graph.begin(b, held("pipe BA", 1), 5);
        Deadlock d = graph.detect(b, 1, 5);
        assertEquals(List.of(1, 2), d.members().stream().map(Deadlock.Member::pid).toList());
        assertEquals("pid 2 (t2) waits for pipe BA, held by pid 1 (t1); pid 1 (t1) waits for pipe AB, held by"
                + " pid 2 (t2)", d.cycleText());
        assertEquals(2, d.closer());
    }

    /** Pipes and wait4 are OR-waits: a cycle that a running holder can still break is no deadlock. */
    @Test
    void aCycleWithARunningHolderIsNoDeadlock() {
        graph.begin(a, held("pipe with two writers", 2, 3), 0);
        graph.begin(b, held("pipe back", 1), 0);
        assertNull(graph.detect(b, 1, 0), "c can still write");
        graph.begin(c, held("a third pipe", 1), 0);
        assertEquals(3, graph.detect(c, 1, 0).members().size(), "now c waits too");
    }

    @Test
    void waitingForWhatOneHoldsItselfIsADeadlockOfOne() {
        graph.begin(a, held("my own pipe", 1), 0);
        Deadlock d = graph.detect(a, 1, 0);
        assertEquals("pid 1 (t1) waits for my own pipe, held by pid 1 (t1)", d.cycleText());
    }

    @Test
    void anEndedWaitLeavesTheGraph() {
        graph.begin(a, held("pipe AB", 2), 0);
        assertTrue(a.sched().inWaitGraph());
        detector.waitEnds(a);
        assertFalse(a.sched().inWaitGraph());
        assertEquals(0, graph.size());
        graph.begin(b, held("pipe BA", 1), 0);
        assertNull(graph.detect(b, 1, 0));
    }
}
