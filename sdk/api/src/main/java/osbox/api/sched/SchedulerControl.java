package osbox.api.sched;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Choosing the scheduling policy, from the shell, Config Admin or the
 * launcher. Provided by the kernel; any thread (changes are applied at the
 * next safe point, where the new policy is seeded with every runnable task).
 */
@ProviderType
public interface SchedulerControl {
    /** Config Admin PID: properties {@code policy} (a name) and {@code options} (String[] of key=value). */
    String PID = "osbox.sched";
    /** Name of the kernel's built-in round robin. */
    String BUILTIN = "builtin";

    /** An available policy. */
    record Policy(String name, String description, Map<String, String> defaults, boolean active) {
    }

    /** A policy the watchdog or a guard ejected. */
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
     * the built-in policy runs meanwhile). Throws IllegalArgumentException for
     * options the provider rejects (nothing changes then).
     */
    boolean use(String name, Map<String, String> options);

    /** Ejections since boot, oldest first. */
    List<Ejection> ejections();

    /** Times the active policy changed. */
    long swaps();
}
