package osbox.block.component;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Machine;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.api.policy.PolicyControl;
import osbox.block.queue.BlockLayerCore;
import osbox.kernel.support.PolicyConfig;
import osbox.kernel.support.SlotControl;

/**
 * The I/O-scheduler slot as a service: the {@link PolicyControl} of kind
 * {@value IoSchedulingPolicyProvider#KIND} over the block layer's slot (the
 * generic {@link SlotControl}), for the shell ({@code io:use},
 * {@code io:list}), the launcher ({@code --io-sched}) and Config Admin
 * ({@link IoSchedConfig}). Immediate, so that the policy the framework
 * properties osbox.io.sched.policy and osbox.io.sched.options name is
 * chosen at boot even when nobody asks for the service.
 */
@Component(service = PolicyControl.class, immediate = true,
        property = PolicyControl.KIND + "=" + IoSchedulingPolicyProvider.KIND)
public final class IoSchedulingControl extends SlotControl<IoSchedulingPolicy, IoSchedulingPolicyProvider> {
    private static final Logger LOG = LoggerFactory.getLogger(IoSchedulingControl.class);

    /** Wraps the block layer's slot; then applies the framework properties' choice, if any. */
    @Activate
    public IoSchedulingControl(BundleContext context, @Reference(name = "blocks") BlockLayerComponent blocks) {
        this(blocks.core(), blocks.machine());
        PolicyConfig.applyAtBoot(this, "I/O scheduling", IoSchedulingPolicyProvider.PID, context::getProperty, LOG);
    }

    /** The control of {@code core}'s slot, run on {@code machine}'s simulation thread, without the framework. */
    public static PolicyControl of(BlockLayerCore core, Machine machine) {
        return new IoSchedulingControl(core, machine);
    }

    private IoSchedulingControl(BlockLayerCore core, Machine machine) {
        super(IoSchedulingPolicyProvider.KIND, osbox.block.queue.IoSchedulerSlot.BUILTIN_DESCRIPTION,
                core.slot().slot(), core.slot()::select, machine::call);
    }
}
