package osbox.api.kernel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A device driver's interrupt service routine, registered as a whiteboard
 * service. The kernel claims an external interrupt and calls the handler
 * whose {@link #source()} matches, on the simulation thread.
 */
@ConsumerType
public interface InterruptHandler {
    /** The interrupt source served. */
    int source();

    /** Services the interrupt (wake waiters, move data). */
    void interrupt(int source);
}
