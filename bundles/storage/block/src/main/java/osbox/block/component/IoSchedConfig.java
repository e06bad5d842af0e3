package osbox.block.component;

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
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.api.policy.PolicyControl;
import osbox.kernel.support.PolicyConfig;

/**
 * The I/O scheduler chosen through Config Admin (PID {@value #PID}): each
 * configuration update selects the policy on every disk at the next safe
 * point and sets the watchdog's bound.
 */
@Component(configurationPid = IoSchedConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IoSchedConfig.Config.class)
public final class IoSchedConfig {
    public static final String PID = IoSchedulingPolicyProvider.PID;
    private static final Logger LOG = LoggerFactory.getLogger(IoSchedConfig.class);

    @ObjectClassDefinition(name = "osbox I/O scheduler")
    public @interface Config {
        @AttributeDefinition(description = "Policy name: builtin (FIFO), noop, sstf, scan, cscan, look, clook, "
                + "deadline, bfq, or a plugin's")
        String policy() default PolicyControl.BUILTIN;

        @AttributeDefinition(description = "Options as key=value")
        String[] options() default {};

        @AttributeDefinition(description = "Watchdog: milliseconds of simulated time a request may wait in a "
                + "policy before the policy is ejected to the built-in FIFO (0: never)")
        long watchdog_ms() default BlockLayerComponent.DEFAULT_WATCHDOG_MILLIS;
    }

    private final PolicyControl io;
    private final BlockLayerComponent blocks;

    /** Applies the configuration to the block layer's I/O-scheduler slot. */
    @Activate
    public IoSchedConfig(Config config, @Reference(name = "io",
            target = "(" + PolicyControl.KIND + "=" + IoSchedulingPolicyProvider.KIND + ")") PolicyControl io,
            @Reference(name = "blocks") BlockLayerComponent blocks) {
        this.io = io;
        this.blocks = blocks;
        apply(config);
    }

    @Modified
    void modified(Config config) {
        apply(config);
    }

    // Sets the watchdog and selects the configured policy; a bad configuration is logged and changes nothing.
    private void apply(Config config) {
        blocks.watchdogMillis(config.watchdog_ms());
        PolicyConfig.apply(io, "I/O scheduling", config.policy(), config.options(), LOG);
    }
}
