package osbox.block.driver;

import java.util.List;
import osbox.api.hw.DmaEngine;
import osbox.api.hw.PhysicalMemory;
import osbox.api.io.BlockIo;

/**
 * A request's DMA scatter-gather list, in the {@link DmaEngine} format: one
 * 16-byte descriptor per run of physically contiguous bytes, in one kernel
 * frame (so at most {@link #CAPACITY} of them).
 */
final class DmaList {
    /** Descriptors one frame holds. */
    static final int CAPACITY = Math.min(PhysicalMemory.PAGE_SIZE / DmaEngine.DESCRIPTOR_SIZE,
            DmaEngine.MAX_DESCRIPTORS);

    private DmaList() {
    }

    /**
     * The segments of {@code ios}, in order, into {@code addresses} and
     * {@code lengths} (each {@link #CAPACITY} long), a segment that starts
     * where the one before ended joining it; returns how many runs, or -1
     * when they do not fit.
     */
    static int join(List<BlockIo> ios, long[] addresses, int[] lengths) {
        int n = 0;
        for (BlockIo io : ios) {
            for (int k = 0; k < io.segments(); k++) {
                long at = io.segmentAddress(k);
                int len = io.segmentLength(k);
                if (n > 0 && addresses[n - 1] + lengths[n - 1] == at
                        && (long) lengths[n - 1] + len <= Integer.MAX_VALUE) {
                    lengths[n - 1] += len;
                    continue;
                }
                if (n == addresses.length) {
                    return -1;
                }
                addresses[n] = at;
                lengths[n] = len;
                n++;
            }
        }
        return n;
    }

    /** Writes the first {@code n} runs as descriptors at {@code listAddress}, the last flagged LAST. */
    static void write(PhysicalMemory memory, long listAddress, long[] addresses, int[] lengths, int n) {
        for (int i = 0; i < n; i++) {
            long d = listAddress + (long) i * DmaEngine.DESCRIPTOR_SIZE;
            memory.store(d, 8, addresses[i]);
            memory.store(d + 8, 4, lengths[i]);
            memory.store(d + 12, 4, i == n - 1 ? DmaEngine.DESCRIPTOR_LAST : 0);
        }
    }
}
