package osbox.api.memory;

/**
 * A range of an address space with one set of permissions and one way of
 * filling its pages, for reports. [start, end) are page aligned.
 *
 * @param kind  how its pages come to be
 * @param start first address
 * @param end   first address past it
 * @param prot  {@link AddressSpace#PROT_READ}, {@link AddressSpace#PROT_WRITE}, {@link AddressSpace#PROT_EXEC} bits
 */
public record MemoryRegion(Kind kind, long start, long end, int prot) {
    /** How a region's pages come to be. */
    public enum Kind {
        /** From the executable: filled from its segments on first touch. */
        IMAGE,
        /** Between the image and the break: zero-filled on first touch. */
        HEAP,
        /** The user stack: zero-filled on first touch, below a guard gap. */
        STACK,
        /** Anonymous mmap: zero-filled on first touch. */
        ANONYMOUS
    }
}
