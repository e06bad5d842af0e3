package osbox.kernel.support;

import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import osbox.api.policy.PolicyControl;
import osbox.policy.support.options.Options;

/**
 * The one way a configured policy is applied to a slot, whatever its kind:
 * from Config Admin (a PID with properties {@code policy} and
 * {@code options}) and from the framework properties {@code PID.policy} and
 * {@code PID.options} at boot. Nothing here throws: a configuration that
 * cannot be applied is logged and changes nothing.
 */
public final class PolicyConfig {
    private PolicyConfig() {
    }

    /**
     * Applies a policy chosen through Config Admin: parses the key=value
     * {@code options} and uses {@code name} with them. A rejected or failing
     * configuration is logged as an error naming {@code noun} ("scheduling")
     * and the policy; one waiting for its bundle is logged at info.
     */
    public static void apply(PolicyControl control, String noun, String name, String[] options, Logger log) {
        try {
            if (!control.use(name, Options.parse(options))) {
                log.info("{} policy {} chosen; it runs when its bundle starts", noun, name);
            }
        } catch (IllegalArgumentException e) {
            log.error("{} configuration rejected ({}): {}", noun, name, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} configuration failed ({})", noun, name, e);
        }
    }

    /**
     * Applies the policy named by the framework property {@code PID.policy}
     * with the options of {@code PID.options} (comma-separated key=value), if
     * that property is set; {@code properties} reads framework properties
     * ({@code bundleContext::getProperty}). The launcher checks the same
     * properties again and reports a refusal to the user, so here it is only
     * logged at info.
     */
    public static void applyAtBoot(PolicyControl control, String noun, String pid, UnaryOperator<String> properties,
            Logger log) {
        String policy = properties.apply(pid + ".policy");
        if (policy == null || policy.isBlank()) {
            return;
        }
        try {
            control.use(policy.trim(), Options.parseList(properties.apply(pid + ".options")));
        } catch (IllegalArgumentException e) {
            log.info("{} policy {} from {}.policy not applied: {}", noun, policy, pid, e.getMessage());
        }
    }
}
