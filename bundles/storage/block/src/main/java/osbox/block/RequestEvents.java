package osbox.block;

/**
 * What a device's request queue tells the statistics and the trace about
 * its requests' lives (Linux's block tracepoints: insert, merge, issue,
 * complete). Each method is called on the simulation thread at cycle
 * {@code now}, with the queue depth after the event. Implementations must
 * not call back into the queue.
 */
public interface RequestEvents {
    /** A request joined the queue (an I/O that did not merge into one already queued). */
    default void queued(Request request, long now, int depth) {
    }

    /** An I/O merged into a queued request, giving {@code merged} (the request that replaced it). */
    default void merged(Request merged, long now, int depth) {
    }

    /**
     * The scheduler chose {@code request} and the driver started it; the
     * head moved from sector {@code headFrom} (through any waypoints of a
     * sweeping policy) to the request's sector.
     */
    default void dispatched(Request request, long now, long headFrom, int depth) {
    }

    /** The request completed (errno 0 or Linux's positive errno). */
    default void completed(Request request, int errno, long now, int depth) {
    }
}
