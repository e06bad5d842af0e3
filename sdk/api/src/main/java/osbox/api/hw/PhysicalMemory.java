package osbox.api.hw;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Physical memory: {@link #frameCount()} frames of {@value #PAGE_SIZE} bytes,
 * little-endian, physical address 0 upwards.
 *
 * <p>Frames are handed out as host byte arrays so the MMU can put them in
 * its TLB and the CPU can load and store without another lookup. A frame's
 * array never changes identity while the memory lives.
 *
 * <p>Frames that hold decoded instructions are marked as code; any write
 * through this interface to such a frame, and any call to
 * {@link #unmarkCode(long)}, tells the {@link CodeWriteListener}s first so
 * they can drop what they decoded. The CPU's own stores never reach a code
 * frame directly, because the TLB does not map code frames writable.
 */
@ProviderType
public interface PhysicalMemory {
    int PAGE_SHIFT = 12;
    int PAGE_SIZE = 1 << PAGE_SHIFT;
    long PAGE_MASK = PAGE_SIZE - 1;

    /** Size in bytes; a multiple of {@link #PAGE_SIZE}. */
    long size();

    /** Number of frames. */
    long frameCount();

    /**
     * The backing array of frame {@code ppn}. Throws IllegalArgumentException
     * when ppn is outside memory: callers check ranges first.
     */
    byte[] frame(long ppn);

    /** Whether {@code paddr .. paddr+len-1} lies inside memory. */
    boolean contains(long paddr, long len);

    /** Loads 1, 2, 4 or 8 bytes, zero-extended; the range must be inside memory. */
    long load(long paddr, int size);

    /** Stores the low 1, 2, 4 or 8 bytes of value; the range must be inside memory. */
    void store(long paddr, int size, long value);

    /** Copies {@code len} bytes from physical memory into dst. */
    void read(long paddr, byte[] dst, int off, int len);

    /** Copies {@code len} bytes from src into physical memory. */
    void write(long paddr, byte[] src, int off, int len);

    /** Fills a whole frame with zeros. */
    void zeroFrame(long ppn);

    /** Marks a frame as holding decoded instructions. */
    void markCode(long ppn);

    /** Whether a frame is marked as code. */
    boolean isCode(long ppn);

    /** Clears the code mark, telling listeners first; no-op for a plain frame. */
    void unmarkCode(long ppn);

    /** Adds a listener told before a code frame changes or loses its mark. */
    void addCodeWriteListener(CodeWriteListener listener);

    /** Removes a listener added before. */
    void removeCodeWriteListener(CodeWriteListener listener);
}
