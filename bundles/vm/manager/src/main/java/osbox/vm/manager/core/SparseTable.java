package osbox.vm.manager.core;

/**
 * A table of {@code length} entries (a reference, or an int count) indexed
 * by frame or swap slot, kept as a directory of chunks of {@value #CHUNK}
 * entries, each made when an entry in it is first set. Frames and slots are
 * handed out lowest first, so the chunks made follow the high-water mark of
 * what is used: a table of 2^30 entries costs a 1 MiB directory at start
 * and about 16 KiB more for every 4096 entries in use. Unset entries read
 * as null or 0. Simulation thread only.
 *
 * @param <T> the type of the references (unused by the int entries)
 */
final class SparseTable<T> {
    /** Entries in one chunk. */
    static final int CHUNK = 1 << 12;
    private static final int SHIFT = 12;
    private static final int MASK = CHUNK - 1;

    private final long length;
    /** Chunk i holds entries i*CHUNK ..; null until one of them is set. */
    private final Object[][] refs;
    private final int[][] counts;
    private int chunksMade;

    /** A table of {@code length} entries (at most Integer.MAX_VALUE), all unset. */
    SparseTable(long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("table of " + length + " entries: must be 0 to " + Integer.MAX_VALUE);
        }
        this.length = length;
        int directory = (int) ((length + MASK) >>> SHIFT);
        this.refs = new Object[directory][];
        this.counts = new int[directory][];
    }

    /** The reference at i, or null when unset. Throws when i is outside the table. */
    @SuppressWarnings("unchecked")
    T get(long i) {
        Object[] chunk = refs[chunk(i)];
        return chunk == null ? null : (T) chunk[(int) i & MASK];
    }

    /** Sets the reference at i (making its chunk if need be). Throws when i is outside the table. */
    void set(long i, T value) {
        int c = chunk(i);
        if (refs[c] == null) {
            refs[c] = new Object[CHUNK];
            chunksMade++;
        }
        refs[c][(int) i & MASK] = value;
    }

    /** The count at i, 0 when unset. Throws when i is outside the table. */
    int count(long i) {
        int[] chunk = counts[chunk(i)];
        return chunk == null ? 0 : chunk[(int) i & MASK];
    }

    /** Sets the count at i (making its chunk if need be). Throws when i is outside the table. */
    void setCount(long i, int value) {
        int c = chunk(i);
        if (counts[c] == null) {
            counts[c] = new int[CHUNK];
            chunksMade++;
        }
        counts[c][(int) i & MASK] = value;
    }

    /** Entries in the table. */
    long length() {
        return length;
    }

    /** Chunks made so far, of references and of counts (host memory: 16 KiB each). */
    int chunksAllocated() {
        return chunksMade;
    }

    // The directory index of entry i; throws when i is outside the table.
    private int chunk(long i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("entry " + i + " outside a table of " + length);
        }
        return (int) (i >>> SHIFT);
    }
}
