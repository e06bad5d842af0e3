package osbox.hw.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.CopyOnWriteArrayList;
import osbox.api.hw.CodeWriteListener;
import osbox.api.hw.PhysicalMemory;

/**
 * Physical memory as an array of 4 KiB frames, each allocated (zeroed) on
 * first use, so a large memory costs host memory only for what is touched.
 * Plain Java, no OSGi: the component wraps it, tests build it directly.
 */
public final class FrameStore implements PhysicalMemory {
    private static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long size;
    private final byte[][] frames;
    private final boolean[] code;
    private final CopyOnWriteArrayList<CodeWriteListener> listeners = new CopyOnWriteArrayList<>();

    /** Makes a memory of {@code size} bytes: a positive multiple of 4 KiB, at most 8 TiB. */
    public FrameStore(long size) {
        if (size <= 0 || (size & PAGE_MASK) != 0) {
            throw new IllegalArgumentException("memory size must be a positive multiple of 4096: " + size);
        }
        long n = size >>> PAGE_SHIFT;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("memory size too large: " + size);
        }
        this.size = size;
        this.frames = new byte[(int) n][];
        this.code = new boolean[(int) n];
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long frameCount() {
        return frames.length;
    }

    // Returns the frame, allocating it on first use.
    @Override
    public byte[] frame(long ppn) {
        if (ppn < 0 || ppn >= frames.length) {
            throw new IllegalArgumentException("physical page " + ppn + " outside memory of " + frames.length + " frames");
        }
        byte[] f = frames[(int) ppn];
        if (f == null) {
            f = new byte[PAGE_SIZE];
            frames[(int) ppn] = f;
        }
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
        java.util.Arrays.fill(f, (byte) 0);
    }

    @Override
    public void markCode(long ppn) {
        frame(ppn);
        code[(int) ppn] = true;
    }

    @Override
    public boolean isCode(long ppn) {
        return ppn >= 0 && ppn < code.length && code[(int) ppn];
    }

    @Override
    public void unmarkCode(long ppn) {
        beforeWrite(ppn);
    }

    // Tells listeners that a code frame is about to change, and drops its mark.
    private void beforeWrite(long ppn) {
        if (code[(int) ppn]) {
            code[(int) ppn] = false;
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
