package osbox.hw.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;

class TraceLogTest {
    private long clock;

    private TraceLog log(int capacity) {
        return new TraceLog(capacity, () -> clock);
    }

    private long hashOf(long time, TraceKind kind, int hart, int pid, long a, long b, String text) {
        clock = time;
        TraceLog t = log(4);
        t.record(kind, hart, pid, a, b, text);
        return t.hash();
    }

    @Test
    void emptyLogHasFnvOffsetAndNothingRecorded() {
        TraceLog t = log(4);
        assertEquals(0xcbf29ce484222325L, t.hash());
        assertEquals(0, t.count());
        assertTrue(t.events().isEmpty());
    }

    @Test
    void recordingChangesHash() {
        TraceLog t = log(4);
        long before = t.hash();
        t.record(TraceKind.NOTE, 0, 0, 0, 0);
        assertNotEquals(before, t.hash());
    }

    @Test
    void everyFieldChangesTheHash() {
        long base = hashOf(100, TraceKind.SYSCALL, 1, 2, 3, 4, "x");
        Set<Long> hashes = new HashSet<>();
        hashes.add(base);
        hashes.add(hashOf(101, TraceKind.SYSCALL, 1, 2, 3, 4, "x"));
        hashes.add(hashOf(100, TraceKind.TRAP, 1, 2, 3, 4, "x"));
        hashes.add(hashOf(100, TraceKind.SYSCALL, 0, 2, 3, 4, "x"));
        hashes.add(hashOf(100, TraceKind.SYSCALL, 1, 5, 3, 4, "x"));
        hashes.add(hashOf(100, TraceKind.SYSCALL, 1, 2, 6, 4, "x"));
        hashes.add(hashOf(100, TraceKind.SYSCALL, 1, 2, 3, 7, "x"));
        hashes.add(hashOf(100, TraceKind.SYSCALL, 1, 2, 3, 4, "y"));
        hashes.add(hashOf(100, TraceKind.SYSCALL, 1, 2, 3, 4, null));
        assertEquals(9, hashes.size(), "each changed field gives a distinct hash");
    }

    @Test
    void highBytesOfLongFieldsAreHashed() {
        assertNotEquals(hashOf(0, TraceKind.NOTE, 0, 0, 1L << 56, 0, null),
                hashOf(0, TraceKind.NOTE, 0, 0, 0, 0, null));
        assertNotEquals(hashOf(0, TraceKind.NOTE, 0, 0, 0, 1L << 63, null),
                hashOf(0, TraceKind.NOTE, 0, 0, 0, 0, null));
        assertNotEquals(hashOf(1L << 40, TraceKind.NOTE, 0, 0, 0, 0, null),
                hashOf(0, TraceKind.NOTE, 0, 0, 0, 0, null));
    }

    @Test
    void fieldsAreNotInterchangeable() {
        assertNotEquals(hashOf(0, TraceKind.NOTE, 0, 0, 1, 2, null), hashOf(0, TraceKind.NOTE, 0, 0, 2, 1, null));
        assertNotEquals(hashOf(0, TraceKind.NOTE, 1, 2, 0, 0, null), hashOf(0, TraceKind.NOTE, 2, 1, 0, 0, null));
    }

    @Test
    void sameEventsGiveSameHash() {
        TraceLog a = log(2);
        TraceLog b = log(100);
        for (TraceLog t : List.of(a, b)) {
            clock = 0;
            for (int i = 0; i < 50; i++) {
                clock += 3;
                t.record(TraceKind.values()[i % TraceKind.values().length], i % 3, i, i * 11L, -i, i % 7 == 0 ? "t" + i : null);
            }
        }
        assertEquals(a.hash(), b.hash(), "capacity does not affect the hash");
        assertEquals(50, a.count());
    }

    @Test
    void orderOfEventsMatters() {
        TraceLog a = log(4);
        a.record(TraceKind.NOTE, 0, 0, 1, 0);
        a.record(TraceKind.NOTE, 0, 0, 2, 0);
        TraceLog b = log(4);
        b.record(TraceKind.NOTE, 0, 0, 2, 0);
        b.record(TraceKind.NOTE, 0, 0, 1, 0);
        assertNotEquals(a.hash(), b.hash());
    }

    @Test
    void fiveArgumentRecordIsTheSameAsNullText() {
        TraceLog a = log(4);
        a.record(TraceKind.SYSCALL, 1, 2, 3, 4);
        TraceLog b = log(4);
        b.record(TraceKind.SYSCALL, 1, 2, 3, 4, null);
        assertEquals(a.hash(), b.hash());
        assertEquals(a.events(), b.events());
    }

    @Test
    void eventsCarryTheClockAndFields() {
        TraceLog t = log(4);
        clock = 77;
        t.record(TraceKind.PAGE_FAULT, 3, 9, 0x1000, 2, "why");
        assertEquals(List.of(new TraceEvent(77, TraceKind.PAGE_FAULT, 3, 9, 0x1000, 2, "why")), t.events());
    }

    @Test
    void ringKeepsTheLastNInOrder() {
        TraceLog t = log(3);
        for (int i = 1; i <= 7; i++) {
            clock = i * 10;
            t.record(TraceKind.NOTE, 0, 0, i, 0);
        }
        assertEquals(7, t.count());
        List<TraceEvent> ev = t.events();
        assertEquals(3, ev.size());
        assertEquals(List.of(5L, 6L, 7L), ev.stream().map(TraceEvent::a).toList());
        assertEquals(List.of(50L, 60L, 70L), ev.stream().map(TraceEvent::cycle).toList());
    }

    @Test
    void ringNotYetFullReturnsWhatWasRecorded() {
        TraceLog t = log(5);
        t.record(TraceKind.NOTE, 0, 0, 1, 0);
        t.record(TraceKind.NOTE, 0, 0, 2, 0);
        assertEquals(List.of(1L, 2L), t.events().stream().map(TraceEvent::a).toList());
    }

    @Test
    void ringExactlyFull() {
        TraceLog t = log(3);
        for (int i = 1; i <= 3; i++) {
            t.record(TraceKind.NOTE, 0, 0, i, 0);
        }
        assertEquals(List.of(1L, 2L, 3L), t.events().stream().map(TraceEvent::a).toList());
    }

    @Test
    void capacityZeroKeepsNoneButHashesAndCounts() {
        TraceLog zero = log(0);
        TraceLog some = log(8);
        for (int i = 0; i < 5; i++) {
            zero.record(TraceKind.NOTE, 0, 0, i, 0, "n");
            some.record(TraceKind.NOTE, 0, 0, i, 0, "n");
        }
        assertTrue(zero.events().isEmpty());
        assertEquals(5, zero.count());
        assertEquals(some.hash(), zero.hash());
    }

    @Test
    void negativeCapacityRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log(-1));
        assertEquals("trace capacity must be >= 0: -1", e.getMessage());
    }

    @Test
    void eventsReturnsACopy() {
        TraceLog t = log(3);
        t.record(TraceKind.NOTE, 0, 0, 1, 0);
        List<TraceEvent> first = t.events();
        t.record(TraceKind.NOTE, 0, 0, 2, 0);
        assertEquals(1, first.size());
    }
}
