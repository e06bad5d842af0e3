package osbox.iosched.bfq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoPriorityClass;
import osbox.testkit.io.FakeIoContext;
import osbox.testkit.io.FakeRequest;
import osbox.testkit.io.IoDriver;

/** BFQ's shares by I/O priority and its strict classes. */
class BfqPolicyTest {
    /** A driver for a BFQ policy with budget 10 sectors. */
    static IoDriver driver() {
        return new IoDriver(new BfqProvider().create(Map.of(BfqProvider.BUDGET, "10")), new FakeIoContext(0, 100_000),
                0, 1);
    }

    /** How many of the first n dispatched requests process pid submitted. */
    static long servedFor(IoDriver d, int pid, int n) {
        return d.dispatched().stream().limit(n).filter(r -> r.pid() == pid).count();
    }

    /**
     * Best effort level 0 (weight 80) against level 7 (weight 10), both
     * always backlogged: the first 450 sectors split 8 to 1, budget by
     * budget (400 and 50, give or take one budget).
     */
    @Test
    void sharesFollowTheIoPriorityWeights() {
        IoDriver d = driver();
        for (int i = 0; i < 500; i++) {
            d.add(FakeRequest.read(2L * i + 1, i).by(1).priority(IoPriorityClass.BEST_EFFORT, 0));
            d.add(FakeRequest.read(2L * i + 2, 50_000 + i).by(2).priority(IoPriorityClass.BEST_EFFORT, 7));
        }
        d.drain();
        long favoured = servedFor(d, 1, 450);
        long other = servedFor(d, 2, 450);
        assertTrue(Math.abs(favoured - 400) <= 10 && Math.abs(other - 50) <= 10,
                "level 0 got " + favoured + ", level 7 got " + other + " of the first 450");
    }

    /** Equal priorities: turns of one budget each (10 sectors), alternating. */
    @Test
    void equalWeightsAlternateByBudget() {
        IoDriver d = driver();
        for (int i = 0; i < 30; i++) {
            d.add(FakeRequest.read(2L * i + 1, i).by(1));
            d.add(FakeRequest.read(2L * i + 2, 50_000 + i).by(2));
        }
        d.drain();
        List<Integer> owners = d.dispatched().stream().map(BlockRequest::pid).toList();
        for (int turn = 0; turn < 6; turn++) {
            List<Integer> slice = owners.subList(turn * 10, turn * 10 + 10);
            assertEquals(10, slice.stream().filter(p -> p.equals(slice.get(0))).count(), "turn " + turn + ": " + slice);
            if (turn > 0) {
                assertTrue(!slice.get(0).equals(owners.get(turn * 10 - 1)), "the same process twice in a row");
            }
        }
    }

    /**
     * A real-time process goes before best effort, and idle-class I/O only
     * when nothing else waits; process 1's two reads go in C-LOOK order from
     * the head (at 30 after the real-time read): 40, then 20.
     */
    @Test
    void classesAreStrict() {
        IoDriver d = driver();
        d.add(FakeRequest.read(1, 10).by(3).priority(IoPriorityClass.IDLE, 0));
        d.add(FakeRequest.read(2, 20).by(1).priority(IoPriorityClass.BEST_EFFORT, 0));
        d.add(FakeRequest.read(3, 30).by(2).priority(IoPriorityClass.REALTIME, 7));
        d.add(FakeRequest.read(4, 40).by(1).priority(IoPriorityClass.BEST_EFFORT, 0));
        d.drain();
        assertEquals(List.of(3L, 4L, 2L, 1L), d.dispatchedIds());
    }

    /** Weights as BFQ derives them from the level; class NONE counts as best effort level 4. */
    @Test
    void weightsComeFromTheLevel() {
        assertEquals(80, BfqPolicy.weightOf(FakeRequest.read(1, 0).priority(IoPriorityClass.BEST_EFFORT, 0)));
        assertEquals(10, BfqPolicy.weightOf(FakeRequest.read(1, 0).priority(IoPriorityClass.REALTIME, 7)));
        assertEquals(40, BfqPolicy.weightOf(FakeRequest.read(1, 0).priority(IoPriorityClass.NONE, 0)));
        assertEquals(IoPriorityClass.BEST_EFFORT, BfqPolicy.classOf(FakeRequest.read(1, 0)
                .priority(IoPriorityClass.NONE, 0)));
    }
}
