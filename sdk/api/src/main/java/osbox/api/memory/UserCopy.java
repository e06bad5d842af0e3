package osbox.api.memory;

import org.osgi.annotation.versioning.ProviderType;

/**
 * copyin and copyout: the kernel's way into one process's memory, made by
 * the VM manager ({@link AddressSpace#userCopy}). Every byte is checked
 * against the process's page table with user permissions, and demand,
 * swapped and copy-on-write pages are faulted in as the process itself
 * would. A copy never throws on a bad pointer and never calls back into the
 * kernel: it answers what happened, and the kernel acts on the answer (it
 * answers EFAULT for {@link #BAD_ADDRESS}; for {@link #OUT_OF_MEMORY} it
 * runs its OOM killer and tries again, or gives up). Simulation thread only.
 *
 * @since 2.0
 */
@ProviderType
public interface UserCopy {
    /** The copy is done: every byte was moved. */
    int DONE = 0;
    /** Some byte of the range is not accessible to the process in that way: nothing more can be done. */
    int BAD_ADDRESS = 1;
    /**
     * The access is allowed, but a page of the range needs a frame and none
     * can be found (memory and swap are full). The same copy can be tried
     * again once memory has been freed; pages already brought in stay.
     */
    int OUT_OF_MEMORY = 2;

    /**
     * Copies {@code len} bytes from user address {@code va} into
     * {@code dst[off..off+len)}. Answers {@link #DONE}, {@link #BAD_ADDRESS}
     * or {@link #OUT_OF_MEMORY}; after a failure part of {@code dst} may have
     * been written. Throws IllegalArgumentException when {@code off} and
     * {@code len} do not lie within {@code dst} (a kernel bug, not a user one).
     */
    int copyIn(long va, byte[] dst, int off, int len);

    /**
     * Copies {@code src[off..off+len)} to user address {@code va}. Every
     * page is checked (and faulted in) before the first byte is written, so
     * {@link #BAD_ADDRESS} writes nothing; {@link #OUT_OF_MEMORY} may leave
     * part of the range written (trying again writes it all). Throws
     * IllegalArgumentException when {@code off} and {@code len} do not lie
     * within {@code src}.
     */
    int copyOut(long va, byte[] src, int off, int len);
}
