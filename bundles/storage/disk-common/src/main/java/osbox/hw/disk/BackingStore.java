package osbox.hw.disk;

import java.io.IOException;

/**
 * Where a disk's sectors live: sector N is bytes N*512 .. N*512+511. A raw
 * image file on the host ({@link FileBackingStore}) or host memory
 * ({@link MemoryBackingStore}, for tests). Only the data live here: how long
 * an access takes is the timing model's business and never depends on the
 * host.
 */
public interface BackingStore extends AutoCloseable {
    /** Size in sectors. */
    long sectors();

    /** Whether writes are refused. */
    boolean readOnly();

    /** The host file's absolute path, or {@code memory}. */
    String description();

    /** Copies {@code count} sectors from {@code lba} into {@code dst} from offset 0; the range is inside the store. */
    void read(long lba, byte[] dst, int count) throws IOException;

    /** Copies {@code count} sectors from {@code src} (offset 0) to {@code lba}; the range is inside the store. */
    void write(long lba, byte[] src, int count) throws IOException;

    /** Makes written sectors durable on the host (a host fsync for a file). */
    void sync() throws IOException;

    @Override
    void close() throws IOException;
}
