package osbox.hw.disk;

import java.util.Arrays;
import osbox.api.hw.BlockDevice;

/**
 * A disk in host memory, for tests and scratch disks: chunks of 64 KiB
 * made on first write, so a large empty disk costs nothing; an unwritten
 * chunk reads as zeros.
 */
public final class MemoryBackingStore implements BackingStore {
    private static final int CHUNK_SHIFT = 16;
    private static final int CHUNK_SIZE = 1 << CHUNK_SHIFT;

    private final long sectors;
    private final byte[][] chunks;

    /** A zeroed disk of {@code sectors} sectors (at most 2^31 chunks' worth). */
    public MemoryBackingStore(long sectors) {
        if (sectors <= 0) {
            throw new IllegalArgumentException("a memory disk needs at least one sector, not " + sectors);
        }
        this.sectors = sectors;
        long bytes = sectors * BlockDevice.SECTOR_SIZE;
        this.chunks = new byte[Math.toIntExact((bytes + CHUNK_SIZE - 1) >> CHUNK_SHIFT)][];
    }

    @Override
    public long sectors() {
        return sectors;
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public String description() {
        return "memory";
    }

    @Override
    public void read(long lba, byte[] dst, int count) {
        copy(lba, dst, count, false);
    }

    @Override
    public void write(long lba, byte[] src, int count) {
        copy(lba, src, count, true);
    }

    // Walks the chunks the sectors span, copying into them (write) or out of them; a chunk is made on its
    // first write, and one never written reads as zeros.
    private void copy(long lba, byte[] buf, int count, boolean write) {
        long pos = lba * BlockDevice.SECTOR_SIZE;
        int done = 0;
        int len = count * BlockDevice.SECTOR_SIZE;
        while (done < len) {
            int chunk = (int) (pos >> CHUNK_SHIFT);
            int at = (int) (pos & (CHUNK_SIZE - 1));
            int n = Math.min(len - done, CHUNK_SIZE - at);
            if (write) {
                if (chunks[chunk] == null) {
                    chunks[chunk] = new byte[CHUNK_SIZE];
                }
                System.arraycopy(buf, done, chunks[chunk], at, n);
            } else if (chunks[chunk] == null) {
                Arrays.fill(buf, done, done + n, (byte) 0);
            } else {
                System.arraycopy(chunks[chunk], at, buf, done, n);
            }
            done += n;
            pos += n;
        }
    }

    @Override
    public void sync() {
    }

    @Override
    public void close() {
    }
}
