package osbox.kernel.core.fs;

import osbox.api.hw.PhysicalMemory;

/**
 * The kernel frames one block transfer moves its data through (Linux's
 * bounce buffers): the disk's DMA or PIO reads and writes them, the kernel
 * copies between them and the user's buffer. They are taken when a transfer
 * starts and given back when it ends (after its last I/O completed).
 */
final class BounceBuffer {
    /** Frames a transfer uses at most: larger transfers go in chunks of this many pages. */
    static final int MAX_FRAMES = 4;

    private final PhysicalMemory memory;
    private final BlockDevices.Frames frames;
    private final long[] ppns;

    private BounceBuffer(PhysicalMemory memory, BlockDevices.Frames frames, long[] ppns) {
        this.memory = memory;
        this.frames = frames;
        this.ppns = ppns;
    }

    /**
     * Up to enough frames for {@code bytes} (at most {@link #MAX_FRAMES}),
     * as many as the pool gives; null when it gives none.
     */
    static BounceBuffer take(PhysicalMemory memory, BlockDevices.Frames frames, long bytes) {
        int want = (int) Math.min(MAX_FRAMES, Math.max(1, (bytes + 2 * PhysicalMemory.PAGE_SIZE - 1)
                / PhysicalMemory.PAGE_SIZE));
        long[] got = new long[want];
        int n = 0;
        while (n < want) {
            long ppn = frames.allocate();
            if (ppn < 0) {
                break;
            }
            got[n++] = ppn;
        }
        return n == 0 ? null : new BounceBuffer(memory, frames, java.util.Arrays.copyOf(got, n));
    }

    /** Its size in bytes. */
    int capacity() {
        return ppns.length * PhysicalMemory.PAGE_SIZE;
    }

    /** The segments of a block I/O over its first {@code bytes} bytes: one per frame. */
    long[] segmentAddresses(int bytes) {
        long[] out = new long[segments(bytes)];
        for (int k = 0; k < out.length; k++) {
            out[k] = ppns[k] << PhysicalMemory.PAGE_SHIFT;
        }
        return out;
    }

    /** The segments' lengths for {@link #segmentAddresses}. */
    int[] segmentLengths(int bytes) {
        int[] out = new int[segments(bytes)];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.min(PhysicalMemory.PAGE_SIZE, bytes - k * PhysicalMemory.PAGE_SIZE);
        }
        return out;
    }

    private static int segments(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a bounce segment list needs bytes, not " + bytes);
        }
        return (bytes + PhysicalMemory.PAGE_SIZE - 1) / PhysicalMemory.PAGE_SIZE;
    }

    /** Copies {@code len} bytes at offset {@code at} of the buffer into dst[off..]. */
    void read(int at, byte[] dst, int off, int len) {
        move(at, dst, off, len, false);
    }

    /** Copies src[off..off+len) into the buffer at offset {@code at}. */
    void write(int at, byte[] src, int off, int len) {
        move(at, src, off, len, true);
    }

    // Copies page by page: the frames are not contiguous in physical memory.
    private void move(int at, byte[] bytes, int off, int len, boolean in) {
        if (at < 0 || len < 0 || at + len > capacity()) {
            throw new IndexOutOfBoundsException("bounce copy " + at + "+" + len + " of " + capacity());
        }
        while (len > 0) {
            int page = at / PhysicalMemory.PAGE_SIZE;
            int inPage = at % PhysicalMemory.PAGE_SIZE;
            int n = Math.min(len, PhysicalMemory.PAGE_SIZE - inPage);
            long paddr = (ppns[page] << PhysicalMemory.PAGE_SHIFT) + inPage;
            if (in) {
                memory.write(paddr, bytes, off, n);
            } else {
                memory.read(paddr, bytes, off, n);
            }
            at += n;
            off += n;
            len -= n;
        }
    }

    /** Gives the frames back to the pool; the buffer must not be used after. */
    void free() {
        for (long ppn : ppns) {
            frames.free(ppn);
        }
    }
}
