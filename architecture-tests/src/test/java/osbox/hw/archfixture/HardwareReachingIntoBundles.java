package osbox.hw.archfixture;

import org.osgi.framework.BundleContext;
import osbox.api.trace.Tracer;
import osbox.hw.machine.SimulatedMachine;
import osbox.kernel.core.KernelCore;

/**
 * Fixture that breaks "hardware imports only the API" on purpose (only
 * DeliberateViolationsTest reads it): a device model that reaches into the
 * kernel and into another hardware bundle. Its API and BundleContext uses are
 * allowed.
 */
public final class HardwareReachingIntoBundles {
    /** Calls the kernel core directly instead of an osbox.api service: a violation. */
    public int processesOf(KernelCore kernel) {
        return kernel.processes().size();
    }

    /** Takes another hardware bundle's class: a violation. */
    public Object machineOf(SimulatedMachine machine) {
        return machine;
    }

    /** Allowed: an API service, and a launch property from the BundleContext. */
    public String allowed(Tracer tracer, BundleContext context) {
        return tracer.count() + context.getProperty("osbox.mem");
    }
}
