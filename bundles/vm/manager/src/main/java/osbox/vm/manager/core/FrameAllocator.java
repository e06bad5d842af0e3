package osbox.vm.manager.core;

/**
 * Hands out physical frames from a free stack: O(1) allocate and free, and
 * deterministic (lowest frames first on a fresh machine). A stack rather
 * than a buddy allocator because the kernel only ever needs single 4 KiB
 * frames: page tables, user pages and stacks are all page-sized.
 */
public final class FrameAllocator {
    private final int[] free;
    private int top;
    private final long total;
    private final long first;
    /** References to each frame (page tables and address spaces sharing it after fork). */
    private final int[] refs;
    private long peakUsed;

    /** Manages frames {@code first .. first+count-1}. */
    public FrameAllocator(long first, long count) {
        if (first < 0 || count < 1 || first + count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad frame range " + first + "+" + count);
        }
        this.total = count;
        this.first = first;
        this.refs = new int[(int) count];
        this.free = new int[(int) count];
        for (int i = 0; i < count; i++) {
            free[i] = (int) (first + count - 1 - i);
        }
        this.top = (int) count;
    }

    /** A free frame's number (with one reference), or -1 when memory is exhausted. The caller zeroes it if needed. */
    public long allocate() {
        if (top == 0) {
            return -1;
        }
        long ppn = free[--top];
        refs[(int) (ppn - first)] = 1;
        peakUsed = Math.max(peakUsed, used());
        return ppn;
    }

    /** Adds a reference to an allocated frame (another address space maps it: copy-on-write fork). */
    public void share(long ppn) {
        int i = index(ppn);
        if (refs[i] <= 0) {
            throw new IllegalStateException("frame " + ppn + " shared while free");
        }
        refs[i]++;
    }

    /** References to an allocated frame (0 when free). */
    public int references(long ppn) {
        return refs[index(ppn)];
    }

    /**
     * Drops one reference; the frame returns to the pool with the last.
     * Returns true when it was freed. Throws on a frame that is already free.
     */
    public boolean release(long ppn) {
        int i = index(ppn);
        if (refs[i] <= 0) {
            throw new IllegalStateException("frame " + ppn + " freed twice: it is already free");
        }
        if (--refs[i] > 0) {
            return false;
        }
        free[top++] = (int) ppn;
        return true;
    }

    private int index(long ppn) {
        long i = ppn - first;
        if (i < 0 || i >= total) {
            throw new IllegalArgumentException("frame " + ppn + " is not managed here");
        }
        return (int) i;
    }

    public long used() {
        return total - top;
    }

    public long available() {
        return top;
    }

    public long total() {
        return total;
    }

    public long peakUsed() {
        return peakUsed;
    }
}
