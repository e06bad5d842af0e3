package osbox.policy.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.sched.SchedTask;
import osbox.testkit.sched.FakeTask;

/** TaskQueue, RankedQueue and OrderedQueue. */
class QueuesTest {
    private final FakeTask a = new FakeTask(1);
    private final FakeTask b = new FakeTask(2);
    private final FakeTask c = new FakeTask(3);

    /** Back and front inserts, moves, removal by id. */
    @Test
    void taskQueue() {
        TaskQueue q = new TaskQueue();
        assertTrue(q.isEmpty());
        assertNull(q.pollFirst());
        assertNull(q.peekFirst());
        q.addLast(a);
        q.addLast(b);
        q.addFirst(c);
        assertEquals(List.of(c, a, b), q.inOrder());
        q.addLast(c);
        assertEquals(List.<SchedTask>of(a, b, c), q.inOrder());
        assertTrue(q.contains(new FakeTask(2)));
        assertTrue(q.remove(new FakeTask(2)));
        assertFalse(q.remove(b));
        assertEquals(2, q.size());
        assertSame(a, q.peekFirst());
        assertSame(a, q.pollFirst());
        assertSame(c, q.pollFirst());
        assertTrue(q.isEmpty());
    }

    /** Smallest rank first, ties first come first served; re-adding replaces. */
    @Test
    void rankedQueue() {
        RankedQueue q = new RankedQueue();
        assertEquals(Long.MAX_VALUE, q.bestRank());
        q.add(a, 5);
        q.add(b, 3);
        q.add(c, 5);
        assertEquals(3, q.bestRank());
        q.add(b, 9);
        assertSame(a, q.pollFirst());
        assertSame(c, q.pollFirst());
        assertTrue(q.remove(b));
        assertFalse(q.remove(b));
        assertTrue(q.isEmpty());
        assertNull(q.pollFirst());
    }

    /** A total order; first and last peek. */
    @Test
    void orderedQueue() {
        OrderedQueue<Integer> q = new OrderedQueue<>(Comparator.naturalOrder());
        assertNull(q.first());
        assertNull(q.last());
        q.add(4);
        q.add(2);
        q.add(9);
        assertEquals(3, q.size());
        assertEquals(2, q.first());
        assertEquals(9, q.last());
        assertTrue(q.remove(9));
        assertFalse(q.remove(9));
        assertEquals(2, q.poll());
        assertEquals(4, q.poll());
        assertNull(q.poll());
    }
}
