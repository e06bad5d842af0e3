package osbox.vm.manager.core;

import java.util.Arrays;

/**
 * Hands out physical frames: O(1) allocate and free, and deterministic. A
 * freed frame is handed out again first (last freed, first out); with none
 * freed, the lowest frame never used yet comes next, from a bump pointer. So
 * a fresh machine hands out its lowest frames first, and the allocator's
 * host memory follows the frames ever used, not the memory's size: the
 * stack of freed frames holds at most that many, and the reference counts
 * are a {@link SparseTable}. Single 4 KiB frames only, not a buddy
 * allocator: page tables, user pages and stacks are all page-sized.
 */
public final class FrameAllocator {
    private final long total;
    private final long first;
    /** Frames first .. first+fresh-1 have been handed out at least once; the rest never. */
    private long fresh;
    /** Freed frames (offsets from first), the last freed on top. */
    private int[] freed = new int[64];
    private int freedCount;
    /** References to each frame (page tables and address spaces sharing it after fork); 0 when free. */
    private final SparseTable<Void> refs;
    private long peakUsed;

    /** Manages frames {@code first .. first+count-1}. */
    public FrameAllocator(long first, long count) {
        if (first < 0 || count < 1 || first + count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad frame range " + first + "+" + count);
        }
        this.total = count;
        this.first = first;
        this.refs = new SparseTable<>(count);
    }

    /** A free frame's number (with one reference), or -1 when memory is exhausted. The caller zeroes it if needed. */
    public long allocate() {
        long i;
        if (freedCount > 0) {
            i = freed[--freedCount];
        } else if (fresh < total) {
            i = fresh++;
        } else {
            return -1;
        }
        refs.setCount(i, 1);
        peakUsed = Math.max(peakUsed, used());
        return first + i;
    }

    /** Adds a reference to an allocated frame (another address space maps it: copy-on-write fork). */
    public void share(long ppn) {
        long i = index(ppn);
        int n = refs.count(i);
        if (n <= 0) {
            throw new IllegalStateException("frame " + ppn + " shared while free");
        }
        refs.setCount(i, n + 1);
    }

    /** References to an allocated frame (0 when free). */
    public int references(long ppn) {
        return refs.count(index(ppn));
    }

    /**
     * Drops one reference; the frame returns to the pool with the last.
     * Returns true when it was freed. Throws on a frame that is already free.
     */
    public boolean release(long ppn) {
        long i = index(ppn);
        int n = refs.count(i);
        if (n <= 0) {
            throw new IllegalStateException("frame " + ppn + " freed twice: it is already free");
        }
        refs.setCount(i, n - 1);
        if (n > 1) {
            return false;
        }
        if (freedCount == freed.length) {
            freed = Arrays.copyOf(freed, freed.length * 2);
        }
        freed[freedCount++] = (int) i;
        return true;
    }

    // The offset of ppn from first; throws when the allocator does not manage it.
    private long index(long ppn) {
        long i = ppn - first;
        if (i < 0 || i >= total) {
            throw new IllegalArgumentException("frame " + ppn + " is not managed here");
        }
        return i;
    }

    public long used() {
        return fresh - freedCount;
    }

    public long available() {
        return total - used();
    }

    public long total() {
        return total;
    }

    public long peakUsed() {
        return peakUsed;
    }

    /** Frames handed out at least once: the high-water mark of the bump pointer. */
    long everUsed() {
        return fresh;
    }

    /** Chunks of the reference-count table made so far (host memory: 16 KiB each). */
    int chunksAllocated() {
        return refs.chunksAllocated();
    }
}
