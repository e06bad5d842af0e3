package osbox.hw.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.CopyOnWriteArrayList;
import osbox.api.hw.CodeWriteListener;
import osbox.api.hw.PhysicalMemory;

/**
 * Physical memory as 4 KiB frames, each allocated (zeroed) on first use, so
 * a large memory costs host memory only for what is touched. Up to 1 GiB
 * ({@link #FLAT_FRAMES}) the frames' references are one array; above, they
 * live in a two-level table: a directory with one entry per chunk of
 * {@value #CHUNK_FRAMES} frames (16 MiB of memory), and a chunk (an array of
 * frame references) made when the first frame in it is touched. A 4 TiB
 * memory thus costs a 1 MiB directory at start, plus 16 KiB for each chunk
 * in use and 4 KiB for each frame touched. Code marks are kept the same way,
 * a chunk of marks made when a frame in it is first marked. An untouched
 * directory entry points at a shared empty chunk, never written, so a
 * lookup is a range check and two array loads, with no test for a
 * missing chunk.
 * Plain Java, no OSGi: the component wraps it, tests build it directly.
 */
public final class FrameStore implements PhysicalMemory {
    private static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** log2 of the frames in one chunk of the table. */
    static final int CHUNK_SHIFT = 12;
    /** Frames in one chunk of the table. */
    static final int CHUNK_FRAMES = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_FRAMES - 1;
    /**
     * Memories of at most this many frames (1 GiB) keep their frames and
     * marks in one flat array each (at most 1.25 MiB up front, as the
     * directories of a 4 TiB memory cost): a lookup then needs no directory.
     */
    static final long FLAT_FRAMES = 1 << 18;
    /** Most frames a memory may have: frame numbers stay ints in the VM manager's tables. */
    static final long MAX_FRAMES = Integer.MAX_VALUE - 8;

    private final long size;
    private final long frameCount;
    /** A chunk no frame of which is made yet: shared by every directory entry untouched, never written. */
    private static final byte[][] NO_FRAMES = new byte[CHUNK_FRAMES][];
    /** Every frame, null until touched, when the memory has at most FLAT_FRAMES frames; else null. */
    private final byte[][] flat;
    /** Every frame's code mark, when flat. */
    private final boolean[] flatCode;
    /** Chunk i holds frames i*CHUNK_FRAMES ..; NO_FRAMES until one of them is touched. Null when flat. */
    private final byte[][][] chunks;
    /** Marks of a chunk no frame of which was marked yet: all false, shared, never written. */
    private static final boolean[] NO_MARKS = new boolean[CHUNK_FRAMES];
    /** Chunk i's code marks; NO_MARKS until one of its frames is marked. Null when flat. */
    private final boolean[][] code;
    private int chunksMade;
    private long framesMade;
    private final CopyOnWriteArrayList<CodeWriteListener> listeners = new CopyOnWriteArrayList<>();

    /** Makes a memory of {@code size} bytes: a positive multiple of 4 KiB, at most {@link #MAX_FRAMES} frames (8 TiB). */
    public FrameStore(long size) {
        if (size <= 0 || (size & PAGE_MASK) != 0) {
            throw new IllegalArgumentException("memory size must be a positive multiple of 4096: " + size);
        }
        long n = size >>> PAGE_SHIFT;
        if (n > MAX_FRAMES) {
            throw new IllegalArgumentException("memory size too large: " + size);
        }
        this.size = size;
        this.frameCount = n;
        if (n <= FLAT_FRAMES) {
            this.flat = new byte[(int) n][];
            this.flatCode = new boolean[(int) n];
            this.chunks = null;
            this.code = null;
        } else {
            int directory = (int) ((n + CHUNK_MASK) >>> CHUNK_SHIFT);
            this.flat = null;
            this.flatCode = null;
            this.chunks = new byte[directory][][];
            this.code = new boolean[directory][];
            Arrays.fill(chunks, NO_FRAMES);
            Arrays.fill(code, NO_MARKS);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long frameCount() {
        return frameCount;
    }

    /** Chunks of the frame table made so far (host memory: about 16 KiB each); 0 when flat. */
    public int chunksAllocated() {
        return chunksMade;
    }

    /** Frames made so far (host memory: 4 KiB each). */
    public long framesAllocated() {
        return framesMade;
    }

    // Returns the frame, allocating it on first use. On the hot path (TLB
    // refills, page-table walks): one range check and one array load when
    // flat, two when not.
    @Override
    public byte[] frame(long ppn) {
        if (ppn < 0 || ppn >= frameCount) {
            throw outside(ppn);
        }
        byte[] f = flat != null ? flat[(int) ppn] : chunks[(int) (ppn >>> CHUNK_SHIFT)][(int) ppn & CHUNK_MASK];
        return f != null ? f : make(ppn);
    }

    // Throws unless frame ppn lies inside memory.
    private void checkFrame(long ppn) {
        if (ppn < 0 || ppn >= frameCount) {
            throw outside(ppn);
        }
    }

    // The error for a frame outside memory.
    private IllegalArgumentException outside(long ppn) {
        return new IllegalArgumentException("physical page " + ppn + " outside memory of " + frameCount + " frames");
    }

    // Makes frame ppn (in range, not made yet), and its chunk if need be.
    private byte[] make(long ppn) {
        if (flat != null) {
            framesMade++;
            return flat[(int) ppn] = new byte[PAGE_SIZE];
        }
        int c = (int) (ppn >>> CHUNK_SHIFT);
        if (chunks[c] == NO_FRAMES) {
            chunks[c] = new byte[CHUNK_FRAMES][];
            chunksMade++;
        }
        byte[] f = new byte[PAGE_SIZE];
        chunks[c][(int) ppn & CHUNK_MASK] = f;
        framesMade++;
        return f;
    }

    @Override
    public boolean contains(long paddr, long len) {
        return paddr >= 0 && len >= 0 && paddr <= size - len;
    }

    private void checkRange(long paddr, long len) {
        if (!contains(paddr, len)) {
            throw new IllegalArgumentException(String.format("physical range 0x%x+%d outside memory of %d bytes", paddr, len, size));
        }
    }

    @Override
    public long load(long paddr, int size) {
        checkRange(paddr, size);
        int off = (int) (paddr & PAGE_MASK);
        if (off + size <= PAGE_SIZE) {
            byte[] f = frame(paddr >>> PAGE_SHIFT);
            switch (size) {
                case 1: return f[off] & 0xffL;
                case 2: return (short) LE16.get(f, off) & 0xffffL;
                case 4: return (int) LE32.get(f, off) & 0xffffffffL;
                case 8: return (long) LE64.get(f, off);
                default: throw new IllegalArgumentException("access size " + size);
            }
        }
        long v = 0;
        for (int i = 0; i < size; i++) {
            v |= (load(paddr + i, 1)) << (8 * i);
        }
        return v;
    }

    @Override
    public void store(long paddr, int size, long value) {
        checkRange(paddr, size);
        int off = (int) (paddr & PAGE_MASK);
        if (off + size <= PAGE_SIZE) {
            long ppn = paddr >>> PAGE_SHIFT;
            beforeWrite(ppn);
            byte[] f = frame(ppn);
            switch (size) {
                case 1: f[off] = (byte) value; return;
                case 2: LE16.set(f, off, (short) value); return;
                case 4: LE32.set(f, off, (int) value); return;
                case 8: LE64.set(f, off, value); return;
                default: throw new IllegalArgumentException("access size " + size);
            }
        }
        for (int i = 0; i < size; i++) {
            store(paddr + i, 1, value >>> (8 * i));
        }
    }

    @Override
    public void read(long paddr, byte[] dst, int off, int len) {
        checkRange(paddr, len);
        while (len > 0) {
            int po = (int) (paddr & PAGE_MASK);
            int n = Math.min(len, PAGE_SIZE - po);
            System.arraycopy(frame(paddr >>> PAGE_SHIFT), po, dst, off, n);
            paddr += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(long paddr, byte[] src, int off, int len) {
        checkRange(paddr, len);
        while (len > 0) {
            int po = (int) (paddr & PAGE_MASK);
            int n = Math.min(len, PAGE_SIZE - po);
            long ppn = paddr >>> PAGE_SHIFT;
            beforeWrite(ppn);
            System.arraycopy(src, off, frame(ppn), po, n);
            paddr += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void zeroFrame(long ppn) {
        byte[] f = frame(ppn);
        beforeWrite(ppn);
        Arrays.fill(f, (byte) 0);
    }

    @Override
    public void markCode(long ppn) {
        frame(ppn);
        if (flat != null) {
            flatCode[(int) ppn] = true;
            return;
        }
        int c = (int) (ppn >>> CHUNK_SHIFT);
        if (code[c] == NO_MARKS) {
            code[c] = new boolean[CHUNK_FRAMES];
        }
        code[c][(int) ppn & CHUNK_MASK] = true;
    }

    @Override
    public boolean isCode(long ppn) {
        if (ppn < 0 || ppn >= frameCount) {
            return false;
        }
        return flat != null ? flatCode[(int) ppn] : code[(int) (ppn >>> CHUNK_SHIFT)][(int) ppn & CHUNK_MASK];
    }

    @Override
    public void unmarkCode(long ppn) {
        checkFrame(ppn);
        beforeWrite(ppn);
    }

    // Tells listeners that a code frame is about to change, and drops its
    // mark. Expects ppn inside memory (the caller checked the range).
    private void beforeWrite(long ppn) {
        boolean[] marks = flat != null ? flatCode : code[(int) (ppn >>> CHUNK_SHIFT)];
        int i = flat != null ? (int) ppn : (int) ppn & CHUNK_MASK;
        if (marks[i]) {
            marks[i] = false;
            for (CodeWriteListener l : listeners) {
                l.codeFrameChanging(ppn);
            }
        }
    }

    @Override
    public void addCodeWriteListener(CodeWriteListener listener) {
        listeners.addIfAbsent(listener);
    }

    @Override
    public void removeCodeWriteListener(CodeWriteListener listener) {
        listeners.remove(listener);
    }
}
