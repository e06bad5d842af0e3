package osbox.policy.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.testkit.io.FakeRequest;

/** The sector-ordered queue's neighbours at, above and below a sector, ties by id. */
class SectorQueueTest {
    /** Requests at 10 (ids 1 and 4), 20 (id 2) and 30 (id 3). */
    static SectorQueue queue() {
        SectorQueue q = new SectorQueue();
        q.add(FakeRequest.read(4, 10));
        q.add(FakeRequest.read(1, 10));
        q.add(FakeRequest.read(2, 20));
        q.add(FakeRequest.read(3, 30));
        return q;
    }

    @Test
    void findsTheNeighboursOfASector() {
        SectorQueue q = queue();
        assertEquals(1, q.atOrAbove(10).id(), "at 10, the lower id");
        assertEquals(2, q.atOrAbove(11).id());
        assertNull(q.atOrAbove(31));
        assertEquals(1, q.atOrBelow(10).id(), "at 10, the lower id");
        assertEquals(2, q.atOrBelow(29).id());
        assertNull(q.atOrBelow(9));
        assertEquals(4, q.below(20).id(), "below 20: the higher id of sector 10");
        assertNull(q.below(10));
        assertEquals(1, q.lowest().id());
        assertEquals(3, q.highest().id());
    }

    @Test
    void removesByRequestAndRefusesTwins() {
        SectorQueue q = queue();
        assertTrue(q.remove(FakeRequest.read(1, 10)));
        assertFalse(q.remove(FakeRequest.read(1, 10)), "removed twice");
        assertEquals(4, q.atOrAbove(10).id());
        assertEquals(3, q.size());
        assertThrows(IllegalStateException.class, () -> q.add(FakeRequest.read(2, 20)));
    }
}
