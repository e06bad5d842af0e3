package osbox.api.policy;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Choosing the policy of one slot (from the shell, Config Admin or the
 * launcher) and reading what became of the choice. Registered by the
 * mechanism that owns the slot, once per slot, with the service property
 * {@value #KIND} naming the kind. Any thread: each call is applied at the
 * mechanism's next safe point, where a newly chosen policy is seeded with the
 * mechanism's state.
 */
@ProviderType
public interface PolicyControl {
    /** Service property: the kind of policy the slot holds (String), e.g. {@code sched}, {@code vm.replace}. */
    String KIND = "osbox.policy.kind";
    /** The name of the mechanism's built-in fallback, in every slot. */
    String BUILTIN = "builtin";

    /** An available policy: its options with their defaults, sorted by name; whether it is the active one. */
    record Policy(String name, String description, Map<String, String> defaults, boolean active) {
    }

    /** A policy the mechanism ejected at simulated time {@code cycle}, and why (it threw, broke a rule...). */
    record Ejection(long cycle, String policy, String reason) {
    }

    /** The kind of policy this slot holds: the value of its {@value #KIND} property. */
    String kind();

    /** The built-in fallback first, then every policy whose provider is present, by name. */
    List<Policy> policies();

    /** The active policy's name ({@value #BUILTIN} for the fallback). */
    String active();

    /**
     * The options the active policy was made with ({@link #use}'s, sorted by
     * key; options it was not given keep their defaults); empty for the
     * built-in one.
     */
    Map<String, String> activeOptions();

    /** A policy chosen but not present yet (its bundle not started), or null. */
    String waitingFor();

    /**
     * Chooses a policy with options. Returns true when it is active now,
     * false when its provider is absent (it becomes active when it arrives;
     * the built-in policy runs meanwhile). Throws IllegalArgumentException
     * for options the provider rejects, or any option given to the built-in
     * policy; nothing changes then. The message names the option, not the
     * policy: the caller reports it after the policy's name.
     */
    boolean use(String name, Map<String, String> options);

    /** Ejections since boot, oldest first. */
    List<Ejection> ejections();

    /** Times the active policy changed since boot. */
    long swaps();
}
