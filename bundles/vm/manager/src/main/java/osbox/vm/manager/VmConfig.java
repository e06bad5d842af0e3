package osbox.vm.manager;

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
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.kernel.support.PolicyConfig;

/**
 * The page-replacement policy chosen through Config Admin (PID {@value #PID}):
 * each configuration update selects the policy at the next safe point.
 */
@Component(configurationPid = VmConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = VmConfig.Config.class)
public final class VmConfig {
    public static final String PID = ReplacementPolicyProvider.PID;
    private static final Logger LOG = LoggerFactory.getLogger(VmConfig.class);

    @ObjectClassDefinition(name = "osbox page replacement policy")
    public @interface Config {
        @AttributeDefinition(description = "Policy name: builtin (FIFO), fifo, lru, clock, eclock, aging, lfu, "
                + "mru, random, or a plugin's")
        String policy() default PolicyControl.BUILTIN;

        @AttributeDefinition(description = "Options as key=value")
        String[] options() default {};
    }

    private final PolicyControl vm;

    /** Applies the configuration to the VM manager's replacement slot. */
    @Activate
    public VmConfig(Config config, @Reference(name = "vm",
            target = "(" + PolicyControl.KIND + "=" + ReplacementPolicyProvider.KIND + ")") PolicyControl vm) {
        this.vm = vm;
        apply(config);
    }

    @Modified
    void modified(Config config) {
        apply(config);
    }

    // Selects the configured policy; a bad configuration is logged and changes nothing.
    private void apply(Config config) {
        PolicyConfig.apply(vm, "page replacement", config.policy(), config.options(), LOG);
    }
}
