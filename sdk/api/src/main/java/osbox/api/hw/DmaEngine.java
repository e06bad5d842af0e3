package osbox.api.hw;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A DMA engine: copies between a device's buffer and physical memory
 * following a scatter-gather list in guest physical memory, taking
 * simulated time for it, then tells the device and (when asked) raises its
 * own completion interrupt. Since 1.5.
 *
 * <p>The list is an array of {@value #DESCRIPTOR_SIZE}-byte descriptors,
 * little-endian: the segment's physical address (8 bytes), its length in
 * bytes (4), flags (4: {@link #DESCRIPTOR_LAST} on the final one). The
 * segments are filled or drained in order until {@code length} bytes have
 * moved; a list that ends first, lies outside memory, has a zero-length
 * segment or runs past {@link #MAX_DESCRIPTORS} ends the transfer with an
 * error and moves nothing.
 */
@ProviderType
public interface DmaEngine {
    int DESCRIPTOR_SIZE = 16;
    /** Flag of a list's final descriptor. */
    int DESCRIPTOR_LAST = 1;
    /** The longest list followed. */
    int MAX_DESCRIPTORS = 1024;

    int OK = 0;
    /** The list was malformed, pointed outside memory, or was too short. */
    int BAD_LIST = 1;

    /** What a device is told when its transfer ends, at the simulated cycle it ends. */
    @FunctionalInterface
    @org.osgi.annotation.versioning.ConsumerType
    interface Completion {
        /** {@code status} is {@link #OK} or {@link #BAD_LIST}; {@code bytes} moved. */
        void done(int status, long bytes);
    }

    /**
     * Starts a transfer of {@code length} bytes between {@code buffer}
     * (from offset 0) and the memory the list at {@code listAddress}
     * describes: into memory when {@code toMemory}, out of it otherwise.
     * A list that is bad is found at once; the data move at once and
     * {@code done} is called at the cycle the transfer's cost ends. With
     * {@code interrupt} the engine also raises {@link #interruptSource()}.
     * Returns the cycles the transfer takes (0 for a bad list).
     */
    long transfer(long listAddress, byte[] buffer, int length, boolean toMemory, boolean interrupt,
            Completion done);

    /** The engine's own completion interrupt source. */
    int interruptSource();

    /** Transfers completed. */
    long transfers();

    /** Bytes moved in all. */
    long bytesMoved();

    /** Cycles the engine spent moving data (the CPU was free meanwhile). */
    long busyCycles();
}
