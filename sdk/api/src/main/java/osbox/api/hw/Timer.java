package osbox.api.hw;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-hart programmable timers (like mtimecmp): at the programmed cycle the
 * hart's timer interrupt line is set until the timer is reprogrammed or
 * cancelled.
 */
@ProviderType
public interface Timer {
    /** Fires hart's timer interrupt at absolute cycle {@code deadline}. Replaces any earlier deadline. */
    void program(int hart, long deadline);

    /** Cancels the hart's deadline and clears its line. */
    void cancel(int hart);

    /** The programmed deadline, or -1. */
    long deadline(int hart);

    /** Times a timer fired. */
    long fired();
}
