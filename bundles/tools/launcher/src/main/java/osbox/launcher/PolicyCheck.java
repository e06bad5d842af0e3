package osbox.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.api.policy.PolicyControl;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * A policy a run asked for ({@code --sched NAME} or {@code --vm-policy NAME},
 * or the framework properties when the launcher was started without the
 * {@code osbox} script), checked and applied on the main thread before the
 * program starts, through the slot's {@link PolicyControl}. One class for
 * every policy kind: they differ only in their option, their noun and their
 * slot.
 */
final class PolicyCheck {

    /** A kind of policy: its command-line option, its name in messages, its slot's kind and PID. */
    enum Kind {
        SCHED("--sched", "scheduling policy", SchedulingPolicyProvider.KIND, SchedulingPolicyProvider.PID),
        VM("--vm-policy", "page replacement policy", ReplacementPolicyProvider.KIND, ReplacementPolicyProvider.PID),
        IO("--io-sched", "I/O scheduler", IoSchedulingPolicyProvider.KIND, IoSchedulingPolicyProvider.PID);

        final String option;
        final String noun;
        /** The {@value PolicyControl#KIND} of the slot's control service. */
        final String slot;
        /** Framework property: the policy chosen at boot (the kernel reads it too): PID.policy. */
        final String policyProperty;
        /** Framework property: its options, comma-separated key=value (the kernel reads it too): PID.options. */
        final String optionsProperty;

        Kind(String option, String noun, String slot, String pid) {
            this.option = option;
            this.noun = noun;
            this.slot = slot;
            this.policyProperty = pid + ".policy";
            this.optionsProperty = pid + ".options";
        }

        /** The LDAP filter selecting this kind's control service. */
        String target() {
            return "(" + PolicyControl.KIND + "=" + slot + ")";
        }
    }

    private final Kind kind;
    private final String name;
    private final Map<String, String> options;
    /** Why the options could not even be read (a framework property item without '='), or null. */
    private final String unreadable;

    private PolicyCheck(Kind kind, String name, Map<String, String> options, String unreadable) {
        this.kind = kind;
        this.name = name;
        this.options = options;
        this.unreadable = unreadable;
    }

    /** The scheduling policy from {@code --sched}, else the framework properties, else none. */
    static PolicyCheck sched(CommandLine line, String policyProperty, String optionsProperty) {
        return of(Kind.SCHED, line.sched(), line.schedOptionMap(), policyProperty, optionsProperty);
    }

    /** The replacement policy from {@code --vm-policy}, else the framework properties, else none. */
    static PolicyCheck vm(CommandLine line, String policyProperty, String optionsProperty) {
        return of(Kind.VM, line.vmPolicy(), line.vmOptionMap(), policyProperty, optionsProperty);
    }

    /** The I/O scheduler from {@code --io-sched}, else the framework properties, else none. */
    static PolicyCheck io(CommandLine line, String policyProperty, String optionsProperty) {
        return of(Kind.IO, line.machine().ioSched(), line.machine().ioSchedOptionMap(), policyProperty,
                optionsProperty);
    }

    /**
     * The command line's choice, else the framework properties' (a property
     * whose options are not key=value gives a choice whose {@link #apply}
     * reports it), else nothing.
     */
    private static PolicyCheck of(Kind kind, String chosen, Map<String, String> chosenOptions,
            String policyProperty, String optionsProperty) {
        if (chosen != null) {
            return new PolicyCheck(kind, chosen, chosenOptions, null);
        }
        if (policyProperty == null || policyProperty.isBlank()) {
            return new PolicyCheck(kind, null, Map.of(), null);
        }
        try {
            return new PolicyCheck(kind, policyProperty.trim(), Options.parseList(optionsProperty), null);
        } catch (IllegalArgumentException e) {
            return new PolicyCheck(kind, policyProperty.trim(), Map.of(), e.getMessage());
        }
    }

    /**
     * Makes the policy active with its options. Returns null when it is (or
     * nothing was asked for), else the message for {@link #errorLine}: no
     * such policy (with the available ones), or why its options were
     * refused. Nothing changes on a refusal.
     */
    String apply(PolicyControl slot) {
        if (name == null) {
            return null;
        }
        if (unreadable != null) {
            return unreadable;
        }
        List<String> available = names(slot);
        if (!available.contains(name)) {
            return noSuchPolicy(available);
        }
        boolean activeNow;
        try {
            activeNow = slot.use(name, options);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        // not active: its provider left between the listing and the choice
        return activeNow ? null : noSuchPolicy(names(slot));
    }

    // The names the slot lists: the built-in one first, then the providers by name.
    private static List<String> names(PolicyControl slot) {
        return new ArrayList<>(slot.policies().stream().map(PolicyControl.Policy::name).toList());
    }

    /**
     * After the run: hands the slot back to the built-in policy, so the
     * policy's bundle stopping with the framework is not reported as a
     * policy going away. Does nothing when no policy was asked for.
     */
    void release(PolicyControl slot) {
        if (name == null || PolicyControl.BUILTIN.equals(slot.active())) {
            return;
        }
        try {
            slot.use(PolicyControl.BUILTIN, Map.of());
        } catch (RuntimeException stopping) {
            // the kernel is going away with the framework: nothing to hand back
        }
    }

    private String noSuchPolicy(List<String> available) {
        return "no such " + kind.noun + " (available: " + String.join(", ", available) + ")";
    }

    /** The whole error line for a message of {@link #apply}. */
    String errorLine(String message) {
        return "osbox: " + kind.option + " " + name + ": " + message;
    }
}
