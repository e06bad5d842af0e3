package osbox.api.vm;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Choosing the page-replacement policy (from the shell, Config Admin or the
 * launcher) and reading the paging counters. Provided by the kernel; any
 * thread (a new policy is attached at the next safe point, where it is seeded
 * with every resident page).
 */
@ProviderType
public interface VmControl {
    /** Config Admin PID: properties {@code policy} (a name) and {@code options} (String[] of key=value). */
    String PID = "osbox.vm";
    /** Name of the kernel's built-in FIFO. */
    String BUILTIN = "builtin";

    /** An available policy. */
    record Policy(String name, String description, Map<String, String> defaults, boolean active) {
    }

    /**
     * A policy a guard ejected: it threw, named a page that is not resident,
     * or kept a process from making progress (reason says which).
     */
    record Ejection(long cycle, String policy, String reason) {
    }

    /** Every policy whose provider is present, by name, plus the built-in one. */
    List<Policy> policies();

    /** The active policy's name. */
    String active();

    /** A policy chosen but not present yet (its bundle not started), or null. */
    String waitingFor();

    /**
     * The options the active policy was made with ({@link #use}'s, sorted by
     * key; options it was not given keep their defaults); empty for the
     * built-in one.
     */
    default Map<String, String> activeOptions() {
        return Map.of();
    }

    /**
     * Chooses a policy with options. Returns true when it is active now,
     * false when its provider is absent (it becomes active when it arrives;
     * the built-in FIFO runs meanwhile). Throws IllegalArgumentException for
     * options the provider rejects (nothing changes then).
     */
    boolean use(String name, Map<String, String> options);

    /** Ejections since boot, oldest first. */
    List<Ejection> ejections();

    /**
     * The paging counters, sorted by name (dotted names): {@code frames.total},
     * {@code frames.used}, {@code frames.free}, {@code frames.peak},
     * {@code pages.evictable}, {@code page.ins}, {@code page.outs},
     * {@code swap.slots.total}, {@code swap.slots.used}, {@code swap.slots.peak},
     * {@code eviction.failures}, {@code starvations} (faults reported as
     * out of memory because their instruction could not keep its pages even
     * under the built-in policy), {@code oom.kills}, {@code policy.changes},
     * {@code policy.ejections}, {@code access.samples} (samplings of the
     * reference bits for the policy, see
     * {@link ReplacementPolicy#accessSamplePeriod()}) and
     * {@code access.referenced} (pages those found referenced: each one's
     * TLB entries were dropped, so each costs a TLB miss at its next use);
     * and, summed over the processes alive now, {@code pages.resident},
     * {@code pages.swapped}, {@code pages.tables}, {@code faults.minor},
     * {@code faults.image}, {@code faults.cow}, {@code faults.major}.
     */
    Map<String, Long> statistics();
}
