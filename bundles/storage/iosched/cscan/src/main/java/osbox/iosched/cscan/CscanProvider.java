package osbox.iosched.cscan;

import org.osgi.service.component.annotations.Component;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.SweepPolicy;
import osbox.policy.support.options.Options;

/** Makes C-SCAN I/O schedulers; registered as the I/O scheduler named {@code cscan}. */
@Component(service = IoSchedulingPolicyProvider.class, property = IoSchedulingPolicyProvider.NAME + "=cscan")
public final class CscanProvider extends AbstractPolicyProvider<IoSchedulingPolicy>
        implements IoSchedulingPolicyProvider {

    /** The one line for listings. */
    public CscanProvider() {
        super("cscan: circular SCAN, sweeping up to the last sector and back to sector 0; O(log n)");
    }

    /** A one-way sweep via the edges (it takes no options). */
    @Override
    protected IoSchedulingPolicy build(Options options) {
        return new SweepPolicy(true, true, true);
    }
}
