package osbox.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import osbox.api.sched.SchedulerControl;
import osbox.api.vm.VmControl;

/**
 * A policy a run asked for ({@code --sched NAME} or {@code --vm-policy NAME},
 * or the framework properties when the launcher was started without the
 * {@code osbox} script), checked and applied on the main thread before the
 * program starts. One class for every policy kind: they differ only in
 * their option, their noun and their control service.
 */
final class PolicyCheck {

    /** A kind of policy: its command-line option, its name in messages, its framework properties. */
    enum Kind {
        SCHED("--sched", "scheduling policy", "osbox.sched.policy", "osbox.sched.options"),
        VM("--vm-policy", "page replacement policy", "osbox.vm.policy", "osbox.vm.options");

        final String option;
        final String noun;
        /** Framework property: the policy chosen at boot (the kernel reads it too). */
        final String policyProperty;
        /** Framework property: its options, comma-separated key=value (the kernel reads it too). */
        final String optionsProperty;

        Kind(String option, String noun, String policyProperty, String optionsProperty) {
            this.option = option;
            this.noun = noun;
            this.policyProperty = policyProperty;
            this.optionsProperty = optionsProperty;
        }
    }

    /** What a check needs of a policy slot's control service. */
    interface Slot {
        List<String> names();

        String active();

        boolean use(String name, Map<String, String> options);

        /** The scheduling slot. */
        static Slot of(SchedulerControl c) {
            return new Slot() {
                @Override
                public List<String> names() {
                    return c.policies().stream().map(SchedulerControl.Policy::name).toList();
                }

                @Override
                public String active() {
                    return c.active();
                }

                @Override
                public boolean use(String name, Map<String, String> options) {
                    return c.use(name, options);
                }
            };
        }

        /** The page-replacement slot. */
        static Slot of(VmControl c) {
            return new Slot() {
                @Override
                public List<String> names() {
                    return c.policies().stream().map(VmControl.Policy::name).toList();
                }

                @Override
                public String active() {
                    return c.active();
                }

                @Override
                public boolean use(String name, Map<String, String> options) {
                    return c.use(name, options);
                }
            };
        }
    }

    /** The built-in policy's name in every slot. */
    static final String BUILTIN = SchedulerControl.BUILTIN;

    private final Kind kind;
    private final String name;
    private final Map<String, String> options;

    private PolicyCheck(Kind kind, String name, Map<String, String> options) {
        this.kind = kind;
        this.name = name;
        this.options = options;
    }

    /** The scheduling policy from {@code --sched}, else the framework properties, else none. */
    static PolicyCheck sched(CommandLine line, String policyProperty, String optionsProperty) {
        return of(Kind.SCHED, line.sched(), line.schedOptionMap(), policyProperty, optionsProperty);
    }

    /** The replacement policy from {@code --vm-policy}, else the framework properties, else none. */
    static PolicyCheck vm(CommandLine line, String policyProperty, String optionsProperty) {
        return of(Kind.VM, line.vmPolicy(), line.vmOptionMap(), policyProperty, optionsProperty);
    }

    /**
     * The command line's choice, else the framework properties' (a property
     * whose options are not key=value gives a choice whose {@link #apply}
     * reports it), else nothing.
     */
    private static PolicyCheck of(Kind kind, String chosen, Map<String, String> chosenOptions,
            String policyProperty, String optionsProperty) {
        if (chosen != null) {
            return new PolicyCheck(kind, chosen, chosenOptions);
        }
        if (policyProperty == null || policyProperty.isBlank()) {
            return new PolicyCheck(kind, null, Map.of());
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (optionsProperty != null && !optionsProperty.isBlank()) {
            for (String item : optionsProperty.split(",")) {
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    // keeps the bad item under an empty key: apply() reports it
                    return new PolicyCheck(kind, policyProperty.trim(), Map.of("", item.trim()));
                }
                options.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
            }
        }
        return new PolicyCheck(kind, policyProperty.trim(), Map.copyOf(options));
    }

    /**
     * Makes the policy active with its options. Returns null when it is (or
     * nothing was asked for), else the message for {@link #errorLine}: no
     * such policy (with the available ones), or why its options were
     * refused. Nothing changes on a refusal.
     */
    String apply(Slot slot) {
        if (name == null) {
            return null;
        }
        if (options.containsKey("")) {
            return "option must be key=value: '" + options.get("") + "'";
        }
        List<String> available = slot.names();
        if (!available.contains(name)) {
            return noSuchPolicy(available);
        }
        if (BUILTIN.equals(name) && !options.isEmpty()) {
            return "the built-in policy takes no options (got " + String.join(", ", options.keySet()) + ")";
        }
        boolean activeNow;
        try {
            activeNow = slot.use(name, options);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        // not active: its provider left between the listing and the choice
        return activeNow ? null : noSuchPolicy(new ArrayList<>(slot.names()));
    }

    /**
     * After the run: hands the slot back to the built-in policy, so the
     * policy's bundle stopping with the framework is not reported as a
     * policy going away. Does nothing when no policy was asked for.
     */
    void release(Slot slot) {
        if (name == null || BUILTIN.equals(slot.active())) {
            return;
        }
        try {
            slot.use(BUILTIN, Map.of());
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
