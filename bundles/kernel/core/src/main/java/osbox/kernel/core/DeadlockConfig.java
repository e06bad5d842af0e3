package osbox.kernel.core;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.api.policy.PolicyControl;
import osbox.kernel.support.PolicyConfig;

/**
 * The deadlock policy chosen through Config Admin (PID {@value DeadlockPolicyProvider#PID}):
 * each configuration update selects the policy at the next safe point.
 */
@Component(configurationPid = DeadlockPolicyProvider.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DeadlockConfig.Config.class)
public final class DeadlockConfig {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlockConfig.class);

    @ObjectClassDefinition(name = "osbox deadlock policy")
    public @interface Config {
        @AttributeDefinition(description = "Policy name: builtin, none, report, break, kill, or a plugin's")
        String policy() default PolicyControl.BUILTIN;

        @AttributeDefinition(description = "Options as key=value")
        String[] options() default {};
    }

    private final PolicyControl control;

    /** Applies the configuration to the deadlock slot. */
    @Activate
    public DeadlockConfig(Config config, @Reference(name = "control",
            target = "(" + PolicyControl.KIND + "=" + DeadlockPolicyProvider.KIND + ")") PolicyControl control) {
        this.control = control;
        apply(config);
    }

    @Modified
    void modified(Config config) {
        apply(config);
    }

    // Selects the configured policy; a bad configuration is logged and changes nothing.
    private void apply(Config config) {
        PolicyConfig.apply(control, "deadlock", config.policy(), config.options(), LOG);
    }
}
