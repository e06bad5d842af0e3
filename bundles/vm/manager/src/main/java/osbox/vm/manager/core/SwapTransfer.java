package osbox.vm.manager.core;

import osbox.api.hw.PhysicalMemory;

/**
 * Page transfers between frames and swap slots, through one scratch page
 * (the swap area copies bytes in and out of a page-sized buffer). Counting
 * and charging the transfers is the callers' business. Simulation thread
 * only (the scratch page is shared).
 */
final class SwapTransfer {
    private final PhysicalMemory mem;
    private final SwapArea swap;
    private final byte[] scratch = new byte[SwapArea.PAGE];

    /** Transfers between frames of {@code mem} and slots of {@code swap}. */
    SwapTransfer(PhysicalMemory mem, SwapArea swap) {
        this.mem = mem;
        this.swap = swap;
    }

    /**
     * Writes frame ppn's bytes to the lowest free slot (one reference) and
     * returns it. The caller made sure swap has room: a full swap area
     * throws IllegalStateException.
     */
    long pageOut(long ppn) {
        mem.read(ppn << 12, scratch, 0, scratch.length);
        long s = swap.pageOut(scratch);
        if (s < 0) {
            throw new IllegalStateException("swap full while evicting");
        }
        return s;
    }

    /** Reads slot s's page into frame f; the slot stays allocated (the caller frees it). */
    void pageIn(long s, long f) {
        swap.pageIn(s, scratch);
        mem.write(f << 12, scratch, 0, scratch.length);
    }
}
