package osbox.vm.replace.archfixture;

import org.slf4j.Logger;
import osbox.api.trace.Tracer;
import osbox.policy.support.ClockRing;
import osbox.vm.manager.VmManagerComponent;

/**
 * Fixture that breaks "policies import only the SDK" on purpose (only
 * DeliberateViolationsTest reads it): a replacement policy that holds the VM
 * manager itself, and logs through slf4j, which is no SDK package. Its API and
 * policy-support uses are allowed.
 */
public final class PolicyReachingIntoVmManager {
    private final VmManagerComponent manager;
    private final Logger log;

    /** Keeps the VM manager and a logger: two violations. */
    public PolicyReachingIntoVmManager(VmManagerComponent manager, Logger log) {
        this.manager = manager;
        this.log = log;
    }

    /** Allowed: an API service and the embedded support library. */
    public long allowed(Tracer tracer, ClockRing ring) {
        return tracer.count() + ring.hashCode();
    }

    /** The manager it should never have had. */
    public Object manager() {
        log.info("evicting behind the mechanism's back");
        return manager;
    }
}
