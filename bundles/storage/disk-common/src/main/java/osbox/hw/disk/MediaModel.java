package osbox.hw.disk;

/**
 * A disk's timing: how long the media take for an operation that starts at
 * a given simulated time, in nanoseconds, moving the model's own state on
 * (the head's cylinder, the write cache, the flash translation layer). The
 * {@link DiskController} calls it once per command on the simulation thread;
 * it never sees the data, the host or the wall clock.
 */
public interface MediaModel {
    /** The model's name: {@code hdd} or {@code ssd}. */
    String model();

    /** Nanoseconds to read {@code count} sectors from {@code lba}, starting at {@code startNs}. */
    long read(long startNs, long lba, int count);

    /** Nanoseconds to write them; {@code fua}: on the media before completing (no write cache). */
    long write(long startNs, long lba, int count, boolean fua);

    /** Nanoseconds to flush the write cache (0 with none, or nothing dirty). */
    long flush(long startNs);

    /** The model's counter names, in a fixed order. */
    String[] counterNames();

    /** The model's counters, in {@link #counterNames()} order, into {@code into} from 0. */
    void counters(long[] into);
}
