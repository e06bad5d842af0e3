package osbox.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import osbox.api.vm.VmControl;

/**
 * The page-replacement policy a run asked for ({@code --vm-policy NAME}, or the
 * framework property {@value #POLICY_PROPERTY} when the launcher was started
 * without the {@code osbox} script), checked and applied on the main thread
 * before the program starts.
 *
 * @param name    the policy's name, or null when none was asked for
 * @param options its options, key to value, in order
 */
record VmCheck(String name, Map<String, String> options) {

    /** Framework property: the policy chosen at boot (the kernel reads it too). */
    static final String POLICY_PROPERTY = "osbox.vm.policy";
    /** Framework property: its options, comma-separated key=value (the kernel reads it too). */
    static final String OPTIONS_PROPERTY = "osbox.vm.options";

    /** Nothing asked for: the kernel's default stays. */
    static final VmCheck NONE = new VmCheck(null, Map.of());

    /**
     * The command line's choice, else the framework properties' (a property
     * whose options are not key=value gives a choice whose {@link #apply}
     * reports it), else {@link #NONE}.
     */
    static VmCheck of(CommandLine line, String policyProperty, String optionsProperty) {
        if (line.vmPolicy() != null) {
            return new VmCheck(line.vmPolicy(), line.vmOptionMap());
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
                    return new VmCheck(policyProperty.trim(), Map.of("", item.trim()));
                }
                options.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
            }
        }
        return new VmCheck(policyProperty.trim(), Map.copyOf(options));
    }

    /**
     * Makes the policy active with its options. Returns null when it is (or
     * nothing was asked for), else the message to print after
     * {@code "osbox: --vm-policy NAME: "}: no such policy (with the available
     * ones), or why its options were refused. Nothing changes on a refusal.
     */
    String apply(VmControl control) {
        if (name == null) {
            return null;
        }
        if (options.containsKey("")) {
            return "option must be key=value: '" + options.get("") + "'";
        }
        List<String> available = new ArrayList<>();
        for (VmControl.Policy p : control.policies()) {
            available.add(p.name());
        }
        if (!available.contains(name)) {
            return noSuchPolicy(available);
        }
        if (VmControl.BUILTIN.equals(name) && !options.isEmpty()) {
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
            for (VmControl.Policy p : control.policies()) {
                now.add(p.name());
            }
            return noSuchPolicy(now);
        }
        return null;
    }

    /**
     * After the run: hands page replacement back to the built-in FIFO, so
     * the policy's bundle stopping with the framework is not reported as a
     * policy going away. Does nothing when no policy was asked for.
     */
    void release(VmControl control) {
        if (name == null || VmControl.BUILTIN.equals(control.active())) {
            return;
        }
        try {
            control.use(VmControl.BUILTIN, Map.of());
        } catch (RuntimeException stopping) {
            // the kernel is going away with the framework: nothing to hand back
        }
    }

    /** The line for an unknown policy. */
    private static String noSuchPolicy(List<String> available) {
        return "no such page replacement policy (available: " + String.join(", ", available) + ")";
    }

    /** The whole error line for a message of {@link #apply}. */
    String errorLine(String message) {
        return "osbox: --vm-policy " + name + ": " + message;
    }
}
