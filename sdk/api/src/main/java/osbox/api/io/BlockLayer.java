package osbox.api.io;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's block layer, as its clients (swap, file systems, the
 * {@code /dev/vdX} device files) and the tools (the shell, the run report)
 * see it. It owns a request queue per disk: it merges adjacent I/Os, plugs
 * and unplugs, keeps barriers and flushes in order, asks the device's
 * I/O-scheduler policy (the slot of kind
 * {@value IoSchedulingPolicyProvider#KIND}) which request goes next,
 * drives the device through its driver (DMA or PIO, completion by
 * interrupt or polling), accounts I/O per process and keeps each device's
 * statistics. docs/architecture.md ("The block layer") follows a request
 * through it. Every method runs on the simulation thread, apart from
 * {@link #devices()}, {@link #counters} and {@link #processCounters}, which
 * tools may call from any thread (they read a snapshot). Since 1.1.
 */
@ProviderType
public interface BlockLayer {
    /** The devices, by device number: their names (vda, vdb, ...). */
    List<String> devices();

    /** The device number of the disk named {@code name}, or -1 when there is none. */
    int device(String name);

    /** The device's size in sectors. */
    long sectors(int device);

    /** Whether the device refuses writes. */
    boolean readOnly(int device);

    /**
     * Queues {@code io}. Returns 0 when it was queued (its completion comes
     * later, exactly once), or a negative errno without queueing it and
     * without calling its completion: -ENXIO for no such device, -EROFS for
     * a write to a read-only one, -EINVAL for a range past the device's end.
     */
    int submit(BlockIo io);

    /**
     * Holds the I/Os thread {@code tid} submits until {@link #unplug} (Linux's
     * blk_start_plug), so adjacent ones merge before the device sees them.
     */
    default void plug(int tid) {
    }

    /** Releases what thread {@code tid} submitted while plugged. */
    default void unplug(int tid) {
    }

    /** The active I/O-scheduler policy's name on the device. */
    String scheduler(int device);

    /**
     * The device's statistics by name, in a fixed order: requests and
     * sectors by direction, merges, IOPS, throughput, queue depth, seek
     * distance, latency percentiles (from a histogram) and the driver's
     * counters (CPU cycles spent on I/O, cycles the CPU was free). See
     * docs/io-schedulers.md for each name.
     */
    Map<String, Long> counters(int device);

    /**
     * Process {@code pid}'s I/O accounting, in a fixed order: bytes and
     * requests read and written, and cycles waited; empty when it did none.
     */
    Map<String, Long> processCounters(int pid);
}
