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
import osbox.api.policy.PolicyControl;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.kernel.support.PolicyConfig;

/**
 * The scheduling policy chosen through Config Admin (PID {@value SchedulingPolicyProvider#PID}):
 * each configuration update selects the policy at the next safe point.
 */
@Component(configurationPid = SchedulingPolicyProvider.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SchedulerConfig.Config.class)
public final class SchedulerConfig {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerConfig.class);

    @ObjectClassDefinition(name = "osbox scheduling policy")
    public @interface Config {
        @AttributeDefinition(description = "Policy name: builtin, fifo, sjf, stcf, rr, priority, mlfq, lottery, "
                + "stride, cfs, or a plugin's")
        String policy() default PolicyControl.BUILTIN;

        @AttributeDefinition(description = "Options as key=value")
        String[] options() default {};
    }

    private final PolicyControl control;

    /** Applies the configuration to the scheduling slot. */
    @Activate
    public SchedulerConfig(Config config, @Reference(name = "control",
            target = "(" + PolicyControl.KIND + "=" + SchedulingPolicyProvider.KIND + ")") PolicyControl control) {
        this.control = control;
        apply(config);
    }

    @Modified
    void modified(Config config) {
        apply(config);
    }

    // Selects the configured policy; a bad configuration is logged and changes nothing.
    private void apply(Config config) {
        PolicyConfig.apply(control, "scheduling", config.policy(), config.options(), LOG);
    }
}
