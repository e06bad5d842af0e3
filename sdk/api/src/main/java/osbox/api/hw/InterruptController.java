package osbox.api.hw;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A platform-level interrupt controller: numbered sources with priorities,
 * per-hart enables and a per-hart priority threshold; plus each hart's local
 * timer interrupt line. A hart sees an external interrupt when a source is
 * pending, enabled for it and above its threshold; the kernel claims the
 * source, services it and completes it.
 */
@ProviderType
public interface InterruptController {
    /** Number of external sources (1..count-1 usable; 0 means none). */
    int sourceCount();

    /** Allocates a free source number for a device and names it for reports. */
    int allocateSource(String deviceName);

    /** Raises a source (level: stays pending until claimed). */
    void raise(int source);

    void setPriority(int source, int priority);

    void setEnabled(int hart, int source, boolean enabled);

    void setThreshold(int hart, int threshold);

    /**
     * The highest-priority pending source enabled for hart (lowest number on
     * ties), removed from pending; 0 if none.
     */
    int claim(int hart);

    /** Marks a claimed source as serviced. */
    void complete(int hart, int source);

    /** Sets or clears a hart's timer interrupt line. */
    void setTimerPending(int hart, boolean pending);

    /**
     * The interrupt the hart should take now: {@link TrapCause#TIMER_INTERRUPT},
     * {@link TrapCause#EXTERNAL_INTERRUPT} or {@link TrapCause#NONE}. External
     * interrupts win over the timer, as in the privileged spec.
     */
    int pendingFor(int hart);

    /** Times each source was raised, indexed by source number. */
    long[] raiseCounts();

    /** The name a source was allocated under, or null. */
    String sourceName(int source);
}
