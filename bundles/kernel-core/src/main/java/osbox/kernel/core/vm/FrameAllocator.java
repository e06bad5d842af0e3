package osbox.kernel.core.vm;

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
    private long peakUsed;

    /** Manages frames {@code first .. first+count-1}. */
    public FrameAllocator(long first, long count) {
        if (first < 0 || count < 1 || first + count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad frame range " + first + "+" + count);
        }
        this.total = count;
        this.free = new int[(int) count];
        for (int i = 0; i < count; i++) {
            free[i] = (int) (first + count - 1 - i);
        }
        this.top = (int) count;
    }

    /** A free frame's number, or -1 when memory is exhausted. The caller zeroes it if needed. */
    public long allocate() {
        if (top == 0) {
            return -1;
        }
        long ppn = free[--top];
        peakUsed = Math.max(peakUsed, used());
        return ppn;
    }

    /** Returns a frame to the pool. Frees of frames never handed out are caught only by count. */
    public void release(long ppn) {
        if (top == free.length) {
            throw new IllegalStateException("frame " + ppn + " freed twice: every frame is already free");
        }
        free[top++] = (int) ppn;
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
