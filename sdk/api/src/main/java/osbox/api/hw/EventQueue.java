package osbox.api.hw;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Events at future simulated cycles, fired at safe points in order of cycle,
 * then of scheduling (so equal times never race).
 */
@ProviderType
public interface EventQueue {
    /** Schedules {@code action} at absolute cycle {@code at} (now if earlier); returns an id for cancel. */
    long schedule(long at, Runnable action);

    /** Cancels a scheduled event; false if it already fired or never existed. */
    boolean cancel(long id);

    /** Cycle of the earliest pending event, or Long.MAX_VALUE. */
    long nextTime();

    int size();
}
