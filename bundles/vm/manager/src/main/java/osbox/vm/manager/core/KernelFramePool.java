package osbox.vm.manager.core;

import java.util.BitSet;
import osbox.api.hw.PhysicalMemory;

/**
 * The kernel's own frames (a disk driver's DMA descriptor lists, the
 * bounce frames of a block device file): a fixed run of frames reserved at
 * boot, outside the user frame allocator, so they are never mapped into a
 * user address space nor evicted, and allocating one never waits or evicts.
 * The lowest free frame goes first (runs repeat). Simulation thread only.
 */
public final class KernelFramePool {
    private final PhysicalMemory mem;
    private final long first;
    private final int count;
    private final BitSet used = new BitSet();
    private int inUse;
    private int peak;

    /** Frames {@code first .. first+count-1} of {@code mem} (count may be 0: no pool). */
    public KernelFramePool(PhysicalMemory mem, long first, int count) {
        if (count < 0 || first < 0 || first + count > mem.frameCount()) {
            throw new IllegalArgumentException("bad kernel frame pool " + first + "+" + count + " in "
                    + mem.frameCount() + " frames");
        }
        this.mem = mem;
        this.first = first;
        this.count = count;
    }

    /** A zeroed frame's number, or -1 when the pool is exhausted. */
    public long allocate() {
        int i = used.nextClearBit(0);
        if (i >= count) {
            return -1;
        }
        used.set(i);
        inUse++;
        peak = Math.max(peak, inUse);
        mem.zeroFrame(first + i);
        return first + i;
    }

    /** Gives back a frame {@link #allocate} returned; IllegalStateException for any other frame. */
    public void free(long ppn) {
        long i = ppn - first;
        if (i < 0 || i >= count || !used.get((int) i)) {
            throw new IllegalStateException("frame " + ppn + " is not a kernel frame in use");
        }
        used.clear((int) i);
        inUse--;
    }

    /** Whether ppn is one of the pool's frames (free or not). */
    public boolean contains(long ppn) {
        return ppn >= first && ppn < first + count;
    }

    /** Frames in the pool. */
    public int total() {
        return count;
    }

    /** Frames handed out now. */
    public int used() {
        return inUse;
    }

    /** The most frames handed out at once. */
    public int peakUsed() {
        return peak;
    }
}
