package osbox.api.io;

import java.util.Objects;

/**
 * One block I/O a client submits to the {@link BlockLayer} (Linux's bio):
 * an operation on a run of sectors of one device, with the data in guest
 * physical memory as a scatter-gather list of segments (the frames of a
 * page being swapped, or the kernel's bounce frames of a read on
 * {@code /dev/vda}). The block layer may merge it with adjacent I/Os into
 * one request; each I/O still completes on its own, through its
 * {@link Completion}, on the simulation thread.
 *
 * <p>The client keeps the segments' frames in place (pinned) until the
 * completion: the device's DMA engine or the PIO copy reads or writes
 * them at the simulated time the transfer happens. Since 1.1.
 */
public final class BlockIo {
    /** The submitter waits for it (reads, O_SYNC and fsync writes, page-ins): deadline and BFQ favour these. */
    public static final int SYNC = 1;
    /** Force unit access: a write is on the media, past any write cache, when it completes. */
    public static final int FUA = 2;
    /** A barrier: the device's write cache is flushed before this I/O (and no later I/O passes it). */
    public static final int PREFLUSH = 4;

    /** Called once when the I/O has completed: {@code errno} 0, or Linux's positive errno (EIO 5 for a device error). */
    @FunctionalInterface
    public interface Completion {
        void completed(BlockIo io, int errno);
    }

    private final int device;
    private final IoOperation operation;
    private final long sector;
    private final int count;
    private final long[] segmentAddresses;
    private final int[] segmentLengths;
    private final int flags;
    private final int pid;
    private final int tid;
    private final int ioPriority;
    private final Completion completion;

    /**
     * @param device           the block layer's device number ({@link BlockLayer#device(String)})
     * @param operation        read, write or flush
     * @param sector           the first sector (0 for a flush)
     * @param count            sectors, at least 1 (0 for a flush); the segments' lengths add up to count * 512
     * @param segmentAddresses guest-physical address of each segment (empty for a flush)
     * @param segmentLengths   each segment's length in bytes, a multiple of 8
     * @param flags            {@link #SYNC}, {@link #FUA}, {@link #PREFLUSH}
     * @param pid              the submitting process, 0 for the kernel (swap, writeback)
     * @param tid              the submitting thread, 0 for the kernel
     * @param ioPriority       the submitter's I/O priority as ioprio_set(2) encodes it (class &lt;&lt; 13 | level), 0 when none
     * @param completion       called once when it completes
     */
    public BlockIo(int device, IoOperation operation, long sector, int count, long[] segmentAddresses,
            int[] segmentLengths, int flags, int pid, int tid, int ioPriority, Completion completion) {
        this.device = device;
        this.operation = Objects.requireNonNull(operation, "operation");
        this.sector = sector;
        this.count = count;
        this.segmentAddresses = segmentAddresses.clone();
        this.segmentLengths = segmentLengths.clone();
        this.flags = flags;
        this.pid = pid;
        this.tid = tid;
        this.ioPriority = ioPriority;
        this.completion = Objects.requireNonNull(completion, "completion");
        if (segmentAddresses.length != segmentLengths.length) {
            throw new IllegalArgumentException("segment addresses and lengths differ in number");
        }
        long bytes = 0;
        for (int len : segmentLengths) {
            if (len <= 0 || len % 8 != 0) {
                throw new IllegalArgumentException("a segment's length must be a positive multiple of 8, not " + len);
            }
            bytes += len;
        }
        if (operation == IoOperation.FLUSH ? count != 0 || bytes != 0
                : count < 1 || sector < 0 || bytes != (long) count * 512) {
            throw new IllegalArgumentException("bad block I/O: " + operation + " " + sector + "+" + count
                    + " with " + bytes + " bytes of segments");
        }
    }

    public int device() {
        return device;
    }

    public IoOperation operation() {
        return operation;
    }

    public long sector() {
        return sector;
    }

    public int count() {
        return count;
    }

    /** Number of segments. */
    public int segments() {
        return segmentAddresses.length;
    }

    /** Guest-physical address of segment {@code k}. */
    public long segmentAddress(int k) {
        return segmentAddresses[k];
    }

    /** Length in bytes of segment {@code k}. */
    public int segmentLength(int k) {
        return segmentLengths[k];
    }

    public int flags() {
        return flags;
    }

    /** Whether {@code flag} ({@link #SYNC}, {@link #FUA}, {@link #PREFLUSH}) is set. */
    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public int pid() {
        return pid;
    }

    public int tid() {
        return tid;
    }

    /** ioprio_set(2)'s encoding: class in bits 13..15, level in bits 0..12; 0 when none was set. */
    public int ioPriority() {
        return ioPriority;
    }

    /** Tells the submitter it is done; the block layer calls this exactly once. */
    public void complete(int errno) {
        completion.completed(this, errno);
    }

    @Override
    public String toString() {
        return "block I/O " + operation + " dev " + device + " " + sector + "+" + count;
    }
}
