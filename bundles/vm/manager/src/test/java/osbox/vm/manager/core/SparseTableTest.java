package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The two-level table behind the frame allocator's counts and the swap area's slots. */
class SparseTableTest {
    static final long FOUR_TIB_OF_PAGES = 1L << 30;

    @Test
    void aTableOfTwoToTheThirtyEntriesMakesNoChunkUntilSet() {
        SparseTable<String> t = new SparseTable<>(FOUR_TIB_OF_PAGES);
        assertEquals(FOUR_TIB_OF_PAGES, t.length());
        assertEquals(0, t.chunksAllocated());
        assertNull(t.get(FOUR_TIB_OF_PAGES - 1));
        assertEquals(0, t.count(FOUR_TIB_OF_PAGES - 1));
        assertEquals(0, t.chunksAllocated(), "reading makes nothing");
    }

    @Test
    void theLastEntryWorksAndOnlyItsChunkIsMade() {
        SparseTable<String> t = new SparseTable<>(FOUR_TIB_OF_PAGES);
        long last = FOUR_TIB_OF_PAGES - 1;
        t.set(last, "top");
        t.setCount(last, 3);
        assertSame("top", t.get(last));
        assertEquals(3, t.count(last));
        assertNull(t.get(last - 1), "its neighbour is unset");
        assertEquals(0, t.count(last - SparseTable.CHUNK), "the chunk below was not made");
        assertEquals(2, t.chunksAllocated(), "one chunk of references, one of counts");
    }

    @Test
    void entriesOutsideTheTableAreRefusedLoudly() {
        SparseTable<String> t = new SparseTable<>(SparseTable.CHUNK + 1);
        t.set(SparseTable.CHUNK, "last");
        assertSame("last", t.get(SparseTable.CHUNK));
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(SparseTable.CHUNK + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.set(SparseTable.CHUNK + 1, "x"));
        assertThrows(IndexOutOfBoundsException.class, () -> t.count(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.setCount(SparseTable.CHUNK + 1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> new SparseTable<String>(0).get(0));
        assertThrows(IllegalArgumentException.class, () -> new SparseTable<String>(-1));
        assertThrows(IllegalArgumentException.class, () -> new SparseTable<String>(Integer.MAX_VALUE + 1L));
    }
}
