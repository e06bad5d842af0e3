package osbox.api.io;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What an I/O-scheduler policy sees of one queued block request. Read-only
 * and cheap to call. Its values do not change while a policy holds it: the
 * mechanism merges two requests by removing both and adding the merged
 * one. Identity: equal {@link #id()}s are the same request; ids are unique
 * among a device's queued requests.
 */
@ProviderType
public interface BlockRequest {
    /** The request's id, unique among the requests queued on its device. */
    long id();

    /** The device it is queued on (the block layer's device number). */
    int device();

    /** The first sector (0-based; meaningless for {@link IoOperation#FLUSH}). */
    long sector();

    /** The number of sectors, at least 1 (0 for a flush). */
    int count();

    /** Read, write or flush. */
    IoOperation operation();

    /** Whether the submitter waits for it (reads, O_SYNC and fsync writes): deadline and BFQ favour these. */
    boolean sync();

    /** The submitting process (its pid), or 0 for the kernel itself (writeback, swap). */
    int pid();

    /** The submitting thread (its tid), or 0 for the kernel. */
    int tid();

    /** The submitter's I/O scheduling class, as {@code ioprio_set(2)} gave it. */
    IoPriorityClass priorityClass();

    /** The level within the class, 0 (most favoured) to 7; 4 when the class is {@link IoPriorityClass#NONE}. */
    int priorityLevel();

    /** The simulated cycle at which it was queued. */
    long arrival();
}
