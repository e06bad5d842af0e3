package osbox.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import osbox.api.sched.SchedulerControl;

/**
 * The scheduling policy a run asked for ({@code --sched NAME}, or the
 * framework property {@value #POLICY_PROPERTY} when the launcher was started
 * without the {@code osbox} script), checked and applied on the main thread
 * before the program starts.
 *
 * @param name    the policy's name, or null when none was asked for
 * @param options its options, key to value, in order
 */
record SchedulerCheck(String name, Map<String, String> options) {

    /** Framework property: the policy chosen at boot (the kernel reads it too). */
    static final String POLICY_PROPERTY = "osbox.sched.policy";
    /** Framework property: its options, comma-separated key=value (the kernel reads it too). */
    static final String OPTIONS_PROPERTY = "osbox.sched.options";

    /** Nothing asked for: the kernel's default stays. */
    static final SchedulerCheck NONE = new SchedulerCheck(null, Map.of());

    /**
     * The command line's choice, else the framework properties' (a property
     * whose options are not key=value gives a choice whose {@link #apply}
     * reports it), else {@link #NONE}.
     */
    static SchedulerCheck of(CommandLine line, String policyProperty, String optionsProperty) {
        if (line.sched() != null) {
            return new SchedulerCheck(line.sched(), line.schedOptionMap());
        }
        if (policyProperty == null || policyProperty.isBlank()) {
            return NONE;
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (optionsProperty != null && !optionsProperty.isBlank()) {
            for (String item : optionsProperty.split(",")) {
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    // keeps the bad item under an empty key: apply() reports it
                    return new SchedulerCheck(policyProperty.trim(), Map.of("", item.trim()));
                }
                options.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
            }
        }
        return new SchedulerCheck(policyProperty.trim(), Map.copyOf(options));
    }

    /**
     * Makes the policy active with its options. Returns null when it is (or
     * nothing was asked for), else the message to print after
     * {@code "osbox: --sched NAME: "}: no such policy (with the available
     * ones), or why its options were refused. Nothing changes on a refusal.
     */
    String apply(SchedulerControl control) {
        if (name == null) {
            return null;
        }
        if (options.containsKey("")) {
            return "option must be key=value: '" + options.get("") + "'";
        }
        List<String> available = new ArrayList<>();
        for (SchedulerControl.Policy p : control.policies()) {
            available.add(p.name());
        }
        if (!available.contains(name)) {
            return noSuchPolicy(available);
        }
        if (SchedulerControl.BUILTIN.equals(name) && !options.isEmpty()) {
            return "the built-in policy takes no options (got " + String.join(", ", options.keySet()) + ")";
        }
        boolean activeNow;
        try {
            activeNow = control.use(name, options);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!activeNow) {
            // its provider left between the listing and the choice
            List<String> now = new ArrayList<>();
            for (SchedulerControl.Policy p : control.policies()) {
                now.add(p.name());
            }
            return noSuchPolicy(now);
        }
        return null;
    }

    /**
     * After the run: hands the harts back to the built-in policy, so the
     * policy's bundle stopping with the framework is not reported as a
     * policy going away. Does nothing when no policy was asked for.
     */
    void release(SchedulerControl control) {
        if (name == null || SchedulerControl.BUILTIN.equals(control.active())) {
            return;
        }
        try {
            control.use(SchedulerControl.BUILTIN, Map.of());
        } catch (RuntimeException stopping) {
            // the kernel is going away with the framework: nothing to hand back
        }
    }

    /** The line for an unknown policy. */
    private static String noSuchPolicy(List<String> available) {
        return "no such scheduling policy (available: " + String.join(", ", available) + ")";
    }

    /** The whole error line for a message of {@link #apply}. */
    String errorLine(String message) {
        return "osbox: --sched " + name + ": " + message;
    }
}
