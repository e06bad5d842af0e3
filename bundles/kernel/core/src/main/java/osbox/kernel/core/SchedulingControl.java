package osbox.kernel.core;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Machine;
import osbox.api.policy.PolicyControl;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.kernel.core.sched.Dispatcher;
import osbox.kernel.support.PolicyConfig;
import osbox.kernel.support.SlotControl;

/**
 * The scheduling slot as a service: the {@link PolicyControl} of kind
 * {@value SchedulingPolicyProvider#KIND} over the dispatcher's policy slot
 * (the generic {@link SlotControl}), for the shell, the launcher and Config
 * Admin ({@link SchedulerConfig}). Immediate, so that the policy named by the
 * framework properties osbox.sched.policy and osbox.sched.options is chosen
 * at boot even when nobody asks for the service.
 */
@Component(service = PolicyControl.class, immediate = true,
        property = PolicyControl.KIND + "=" + SchedulingPolicyProvider.KIND)
public final class SchedulingControl extends SlotControl<SchedulingPolicy, SchedulingPolicyProvider> {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulingControl.class);

    /** Wraps the kernel's dispatcher slot; then applies the framework properties' choice, if any. */
    @Activate
    public SchedulingControl(BundleContext context, @Reference(name = "kernel") KernelInternals kernel,
            @Reference(name = "machine") Machine machine) {
        this(kernel.core().dispatcher(), machine);
        PolicyConfig.applyAtBoot(this, "scheduling", SchedulingPolicyProvider.PID, context::getProperty, LOG);
    }

    /**
     * The control of {@code dispatcher}'s slot, run on {@code machine}'s
     * simulation thread, without the framework (the harness).
     */
    public static PolicyControl of(Dispatcher dispatcher, Machine machine) {
        return new SchedulingControl(dispatcher, machine);
    }

    private SchedulingControl(Dispatcher dispatcher, Machine machine) {
        super(SchedulingPolicyProvider.KIND, "the kernel's round robin (fallback)", dispatcher.slot(),
                dispatcher::select, machine::call);
    }
}
