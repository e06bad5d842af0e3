package osbox.api.hw;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where traps go: the kernel installs one at boot (like writing stvec). Called
 * on the simulation thread with the hart stopped at the trap. On return, the
 * hart runs whatever context the handler left on it (or idles).
 */
@ConsumerType
@FunctionalInterface
public interface TrapVector {
    /**
     * @param hart  the hart that trapped
     * @param cause a {@link TrapCause} code (exception, or interrupt with the INTERRUPT flag)
     * @param tval  faulting address or instruction bits, 0 for interrupts
     */
    void trap(Hart hart, int cause, long tval);
}
