package osbox.policy.support;

import osbox.api.io.BlockRequest;

/** A queue of block requests an I/O scheduler keeps: {@link SectorQueue} or {@link ArrivalQueue}. */
public interface IoQueue {
    /** Queues r; throws IllegalStateException when it is queued already. */
    void add(BlockRequest r);

    /** Removes r; false when it was not queued. */
    boolean remove(BlockRequest r);

    /** Whether none is queued. */
    boolean isEmpty();
}
