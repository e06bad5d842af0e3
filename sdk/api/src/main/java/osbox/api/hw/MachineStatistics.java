package osbox.api.hw;

import java.util.Map;

/**
 * A snapshot of the machine's counters.
 *
 * @param now          simulated cycles since power-on
 * @param frequencyHz  clock frequency
 * @param instret      instructions retired, all harts
 * @param busyCycles   cycles harts spent running user code or charged kernel work
 * @param idleCycles   cycles harts spent idle
 * @param traps        traps delivered, by {@link TrapCause#key} in cause order
 * @param tlb          TLB counters summed over harts
 * @param events       events fired
 */
public record MachineStatistics(long now, long frequencyHz, long instret, long busyCycles, long idleCycles,
        Map<String, Long> traps, TlbStatistics tlb, long events) {
    /** Simulated seconds since power-on. */
    public double seconds() {
        return (double) now / frequencyHz;
    }
}
