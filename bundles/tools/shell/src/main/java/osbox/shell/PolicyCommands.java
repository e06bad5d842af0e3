package osbox.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import osbox.api.policy.PolicyControl;
import osbox.policy.support.options.Options;

/**
 * What the {@code list} and {@code use} commands of every policy scope share
 * ({@code sched:*}, {@code vm:*}): the text they print, over one slot's
 * {@link PolicyControl}. A new kind of policy gets its commands from one more
 * instance of this, not from a copy.
 */
final class PolicyCommands {
    private final String scope;
    private final String noun;
    private final PolicyControl control;

    /**
     * @param scope   the Gogo scope, for error lines ("sched")
     * @param noun    what the policies are, for result lines ("scheduling policy")
     * @param control the slot's control
     */
    PolicyCommands(String scope, String noun, PolicyControl control) {
        this.scope = scope;
        this.noun = noun;
        this.control = control;
    }

    /** The {@code list} text, from one snapshot of each of the control's answers. */
    String listText() {
        return Reports.policies(control.policies(), control.activeOptions(), control.waitingFor(),
                control.ejections());
    }

    /**
     * Does what {@code use} does and returns its one line: the result, or the
     * error after the policy's name. A name no present provider has is an
     * error listing the known names, unless {@code wait} (the {@code --wait}
     * flag) says to choose it anyway and wait for its bundle.
     */
    String useText(boolean wait, String name, String... options) {
        List<String> known = new ArrayList<>();
        for (PolicyControl.Policy p : control.policies()) {
            known.add(p.name());
        }
        if (!wait && !known.contains(name)) {
            return scope + ":use: " + name + ": no such " + noun + " (known: " + String.join(", ", known)
                    + "); to choose one whose bundle is not installed yet: " + scope + ":use --wait " + name;
        }
        try {
            return control.use(name, Options.parse(options))
                    ? noun + " " + name + " active"
                    : name + " chosen; it runs when its bundle starts";
        } catch (IllegalArgumentException e) {
            return scope + ":use: " + name + ": " + e.getMessage();
        }
    }

    /** The active policy's name. */
    String active() {
        return control.active();
    }

    /** Options as "key=value" words separated by spaces, in the map's order. */
    static String words(Map<String, String> options) {
        List<String> words = new ArrayList<>();
        options.forEach((k, v) -> words.add(k + "=" + v));
        return String.join(" ", words);
    }
}
