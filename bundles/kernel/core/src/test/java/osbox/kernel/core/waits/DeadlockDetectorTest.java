package osbox.kernel.core.waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import osbox.api.deadlock.DeadlockAction;
import osbox.api.deadlock.DeadlockCycle;
import osbox.api.deadlock.DeadlockPolicy;
import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;
import osbox.kernel.core.waits.WaitForGraphTest.Events;
import osbox.kernel.core.waits.WaitForGraphTest.FakeTask;
import osbox.kernel.core.waits.WaitForGraphTest.Held;

/**
 * The deadlock mechanism over its policy slot: the built-in policy reports,
 * a policy's action is applied (refuse the closer, wake a sleeping member
 * with EDEADLK, kill after the waiter sleeps), a policy that does not search
 * finds nothing, and a policy that throws or names a task outside the
 * deadlock is ejected (the built-in one reports that deadlock).
 */
class DeadlockDetectorTest {
    private final FakeTask a = new FakeTask(1);
    private final FakeTask b = new FakeTask(2);
    private final FakeTask c = new FakeTask(3);
    private final WaitForGraph<FakeTask> graph = new WaitForGraph<>(() -> List.of(a, b, c));
    private final Events trace = new Events();
    private final List<Integer> killed = new ArrayList<>();
    private final List<Integer> refused = new ArrayList<>();
    private final DeadlockDetector<FakeTask> detector = new DeadlockDetector<>(graph, trace, killed::add, t -> {
        refused.add(t.tid());
        graph.end(t);   // as the dispatcher's wake does
    });

    // A provider named name whose policies answer decide(cycle).
    private void provide(String name, java.util.function.Function<DeadlockCycle, DeadlockAction> decide,
            boolean searches) {
        detector.slot().addProvider(name, provider(() -> new DeadlockPolicy() {
            @Override
            public boolean searches() {
                return searches;
            }

            @Override
            public DeadlockAction decide(DeadlockCycle deadlock) {
                return decide.apply(deadlock);
            }
        }));
    }

    private static DeadlockPolicyProvider provider(Supplier<DeadlockPolicy> make) {
        return new DeadlockPolicyProvider() {
            @Override
            public String describe() {
                return "test";
            }

            @Override
            public Map<String, String> defaults() {
                return Map.of();
            }

            @Override
            public DeadlockPolicy create(Map<String, String> options) {
                return make.get();
            }
        };
    }

    private static Held held(String name, Integer... pids) {
        return new Held(name, Set.of(pids));
    }

    private List<TraceEvent> deadlockEvents() {
        return trace.events().stream().filter(e -> e.kind() == TraceKind.DEADLOCK).toList();
    }

    @Test
    void theBuiltinPolicyReportsAndDoesNotRepeat() {
        assertEquals("builtin", detector.policyName());
        assertTrue(detector.waitBegins(a, held("pipe AB", 2), 0, 0));
        assertTrue(detector.waitBegins(b, held("pipe BA", 1), 0, 7));
        assertEquals(1, detector.found());
        Deadlock d = detector.deadlocks().get(0);
        assertEquals("reported", d.action());
        assertTrue(detector.isCurrent(d));
        TraceEvent e = deadlockEvents().get(0);
        assertEquals(2, e.pid());
        assertEquals(1, e.a());
        assertEquals(2, e.b());
        // b wakes and goes back to the same wait: the same deadlock, not a new one
        detector.waitEnds(b);
        assertTrue(detector.waitBegins(b, held("pipe BA", 1), 0, 9));
        assertEquals(1, detector.found());
        detector.waitEnds(a);
        assertFalse(detector.isCurrent(d), "a no longer waits");
    }

    @Test
    void refusingTheCloserFailsItsWaitEveryTime() {
        provide("break", d -> DeadlockAction.refuse(d.closerTid(), ""), true);
        assertTrue(detector.select("break", Map.of()));
        assertTrue(detector.waitBegins(a, held("pipe AB", 2), 0, 0));
        assertFalse(detector.waitBegins(b, held("pipe BA", 1), 0, 0));
        assertFalse(b.sched().inWaitGraph(), "the refused wait is no edge");
        assertEquals("refused pid 2's wait with EDEADLK", detector.deadlocks().get(0).action());
        assertFalse(detector.waitBegins(b, held("pipe BA", 1), 0, 3), "the same wait again is refused again");
        assertEquals(2, detector.found());
    }

    @Test
    void refusingASleepingMemberWakesIt() {
        provide("first", d -> DeadlockAction.refuse(d.members().get(0).tid(), "the oldest"), true);
        detector.select("first", Map.of());
        assertTrue(detector.waitBegins(a, held("pipe AB", 2), 0, 0));
        assertTrue(detector.waitBegins(b, held("pipe BA", 1), 0, 0), "b sleeps; a is woken instead");
        assertEquals(List.of(1), refused);
        assertEquals("refused pid 1's wait with EDEADLK (the oldest)", detector.deadlocks().get(0).action());
    }

    @Test
    void aKillHappensAfterTheWaiterSleeps() {
        provide("kill", d -> DeadlockAction.kill(2, "the youngest"), true);
        detector.select("kill", Map.of());
        assertTrue(detector.waitBegins(b, held("pipe BA", 1), 0, 0));
        assertTrue(detector.waitBegins(a, held("pipe AB", 2), 0, 0));
        assertEquals(List.of(), killed);
        detector.afterSleep();
        assertEquals(List.of(2), killed);
        assertEquals("killed pid 2 with SIGKILL (the youngest)", detector.deadlocks().get(0).action());
    }

    @Test
    void aPolicyThatDoesNotSearchFindsNothing() {
        provide("none", d -> DeadlockAction.report(), false);
        detector.select("none", Map.of());
        assertFalse(detector.searching());
        assertTrue(detector.waitBegins(a, held("pipe AB", 2), 0, 0));
        assertTrue(detector.waitBegins(b, held("pipe BA", 1), 0, 0));
        assertEquals(0, detector.found());
        assertEquals(List.of(), deadlockEvents());
        detector.select("builtin", Map.of());
        assertTrue(detector.searching(), "the built-in policy searches again");
    }

    @Test
    void aVictimOutsideTheDeadlockIsRefusedAndThePolicyEjected() {
        provide("rogue", d -> DeadlockAction.kill(3, "an innocent"), true);
        detector.select("rogue", Map.of());
        assertTrue(detector.waitBegins(a, held("pipe AB", 2), 0, 0));
        assertTrue(detector.waitBegins(b, held("pipe BA", 1), 0, 40));
        detector.afterSleep();
        assertEquals(List.of(), killed, "pid 3 is not in the deadlock");
        assertEquals("reported", detector.deadlocks().get(0).action(), "the built-in policy decided");
        assertEquals("builtin", detector.policyName());
        assertEquals("decide named pid 3 to kill, which is not in the deadlock",
                detector.slot().ejections().get(0).reason());
        assertEquals(40, detector.slot().ejections().get(0).at());
    }

    @Test
    void aThrowingPolicyIsEjected() {
        provide("thrower", d -> {
            throw new IllegalStateException("boom");
        }, true);
        detector.select("thrower", Map.of());
        assertTrue(detector.waitBegins(a, held("pipe AB", 2), 0, 0));
        assertTrue(detector.waitBegins(b, held("pipe BA", 1), 0, 0));
        assertEquals("reported", detector.deadlocks().get(0).action());
        assertEquals("builtin", detector.policyName());
        assertTrue(detector.slot().ejections().get(0).reason().startsWith("decide threw"),
                detector.slot().ejections().toString());
    }

    @Test
    void aRefusalOfANonMemberIsRefused() {
        provide("stranger", d -> DeadlockAction.refuse(3, ""), true);
        detector.select("stranger", Map.of());
        assertTrue(detector.waitBegins(a, held("pipe AB", 2), 0, 0));
        assertTrue(detector.waitBegins(b, held("pipe BA", 1), 0, 0));
        assertEquals(List.of(), refused);
        assertEquals("decide named tid 3 to refuse, which is not in the deadlock",
                detector.slot().ejections().get(0).reason());
    }

    @Test
    void thePolicySeesTheCycle() {
        List<DeadlockCycle> seen = new ArrayList<>();
        provide("spy", d -> {
            seen.add(d);
            return DeadlockAction.report();
        }, true);
        detector.select("spy", Map.of());
        detector.waitBegins(a, held("pipe AB", 2), 0, 0);
        detector.waitBegins(b, held("pipe BA", 1), 0, 11);
        DeadlockCycle d = seen.get(0);
        assertEquals(2, d.closerTid());
        assertEquals(11, d.cycle());
        assertEquals(List.of(1, 2), d.members().stream().map(DeadlockCycle.Member::tid).toList());
        assertEquals(List.of(new DeadlockCycle.Link(2, "pipe BA", 1), new DeadlockCycle.Link(1, "pipe AB", 2)),
                d.links());
    }
}
