package osbox.api.memory;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A shared memory object made by {@link MemoryManager#createSharedMemory}
 * for a mechanism outside the VM manager (System V shared memory): a number
 * of pages that exist apart from any address space, mapped into processes
 * with {@link AddressSpace#attach} and out with {@link AddressSpace#detach}.
 * Every attachment maps the very same frames, writable in place (never
 * copy-on-write); a page is zero-filled on the first touch by any process
 * and can be paged out to swap and back as a MAP_SHARED page. Attachments
 * are inherited by fork and dropped by munmap, exec and exit, each reported
 * to the {@link AttachListener}.
 *
 * <p>The creator holds one reference until {@link #release}; the frames and
 * swap slots go when it is released and no attachment is left. Simulation
 * thread only.
 *
 * @since 2.1
 */
@ProviderType
public interface SharedMemoryObject {
    /** Its size in pages (fixed at creation). */
    long pages();

    /**
     * Its attachments now, over every address space: one per mapped range,
     * so fork adds one per attachment of the parent, and an attachment that
     * munmap or mprotect splits counts as two (Linux's shm_nattch counts
     * the same way: one per vma).
     */
    int attachments();

    /** Its pages resident in frames now. */
    long residentPages();

    /** Its pages in the swap area now. */
    long swappedPages();

    /**
     * Who hears about attachments from now on (null: nobody). The listener
     * is called on the simulation thread, from inside the address-space
     * calls that attach and detach (attach, fork, munmap, detach, exec and
     * exit); it must not call back into the address spaces.
     */
    void setListener(AttachListener listener);

    /**
     * The creator lets go of the object (System V's IPC_RMID once the last
     * process detached): with no attachment left its frames and swap slots
     * are freed now, else when the last attachment goes. Throws
     * IllegalStateException when called twice.
     */
    void release();

    /** Whether {@link #release} was called. */
    boolean released();

    /**
     * Its handle: a number, unique among the manager's objects for as long
     * as the manager lives, by which {@link MemoryManager#sharedMemory}
     * finds it again (the System V bundle's next revision takes its
     * segments over by handle); 0 when the manager does not keep handles
     * (the default).
     *
     * @since 2.1
     */
    default long handle() {
        return 0;
    }

    /** Hears the attachments of one object come and go (the System V bundle keeps shm_nattch, shm_lpid and times). */
    @ConsumerType
    interface AttachListener {
        /**
         * Process {@code pid} attached the object (or kept it through fork:
         * then {@code pid} is the parent's, as Linux's shm_lprid); the
         * object has {@code attachments} now.
         */
        void attached(int pid, int attachments);

        /** Process {@code pid} dropped an attachment (shmdt, munmap, exec or exit); {@code attachments} are left. */
        void detached(int pid, int attachments);
    }
}
