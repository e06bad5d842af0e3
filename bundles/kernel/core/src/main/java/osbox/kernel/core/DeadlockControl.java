package osbox.kernel.core;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.deadlock.DeadlockPolicy;
import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.api.hw.Machine;
import osbox.api.policy.PolicyControl;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.waits.DeadlockDetector;
import osbox.kernel.support.PolicyConfig;
import osbox.kernel.support.SlotControl;

/**
 * The deadlock slot as a service: the {@link PolicyControl} of kind
 * {@value DeadlockPolicyProvider#KIND} over the detector's policy slot (the
 * generic {@link SlotControl}), for tools, Config Admin
 * ({@link DeadlockConfig}) and the framework properties
 * {@code osbox.deadlock.policy} / {@code osbox.deadlock.options} (the
 * kernel component applies {@code osbox.deadlock}, a name alone).
 * Immediate, so the boot-time choice is applied even when nobody asks.
 */
@Component(service = PolicyControl.class, immediate = true,
        property = PolicyControl.KIND + "=" + DeadlockPolicyProvider.KIND)
public final class DeadlockControl extends SlotControl<DeadlockPolicy, DeadlockPolicyProvider> {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlockControl.class);

    /** Wraps the kernel's deadlock slot; then applies the framework properties' choice, if any. */
    @Activate
    public DeadlockControl(BundleContext context, @Reference(name = "kernel") KernelInternals kernel,
            @Reference(name = "machine") Machine machine) {
        this(kernel.core().deadlocks(), machine);
        PolicyConfig.applyAtBoot(this, "deadlock", DeadlockPolicyProvider.PID, context::getProperty, LOG);
    }

    /** The control of {@code detector}'s slot, run on {@code machine}'s simulation thread (the harness). */
    public static PolicyControl of(DeadlockDetector<Process> detector, Machine machine) {
        return new DeadlockControl(detector, machine);
    }

    private DeadlockControl(DeadlockDetector<Process> detector, Machine machine) {
        super(DeadlockPolicyProvider.KIND, "reports every deadlock and does nothing else (fallback)",
                detector.slot(), detector::select, machine::call);
    }
}
