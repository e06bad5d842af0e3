package osbox.vm.manager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Machine;
import osbox.api.policy.PolicyControl;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.kernel.support.PolicyConfig;
import osbox.kernel.support.SlotControl;
import osbox.vm.manager.core.VmManager;

/**
 * The page-replacement slot as a service: the {@link PolicyControl} of kind
 * {@value ReplacementPolicyProvider#KIND} over the VM manager's slot (the
 * generic {@link SlotControl}), for the shell, the launcher and Config Admin
 * ({@link VmConfig}). Immediate, so that the policy named by the framework
 * properties osbox.vm.policy and osbox.vm.options is chosen at boot even when
 * nobody asks for the service.
 */
@Component(service = PolicyControl.class, immediate = true,
        property = PolicyControl.KIND + "=" + ReplacementPolicyProvider.KIND)
public final class ReplacementControl extends SlotControl<ReplacementPolicy, ReplacementPolicyProvider> {
    private static final Logger LOG = LoggerFactory.getLogger(ReplacementControl.class);

    /** Wraps the VM manager's slot; then applies the framework properties' choice, if any. */
    @Activate
    public ReplacementControl(BundleContext context, @Reference(name = "vm") VmManagerComponent vm) {
        this(vm.core(), vm.machine());
        PolicyConfig.applyAtBoot(this, "page replacement", ReplacementPolicyProvider.PID, context::getProperty, LOG);
    }

    /**
     * The control of {@code vm}'s slot, run on {@code machine}'s
     * simulation thread, without the framework (the harness).
     */
    public static PolicyControl of(VmManager vm, Machine machine) {
        return new ReplacementControl(vm, machine);
    }

    private ReplacementControl(VmManager vm, Machine machine) {
        super(ReplacementPolicyProvider.KIND, "the VM manager's FIFO (fallback)", vm.slot(), vm::select,
                machine::call);
    }
}
