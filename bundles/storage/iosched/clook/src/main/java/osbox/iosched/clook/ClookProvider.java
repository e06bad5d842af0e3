package osbox.iosched.clook;

import org.osgi.service.component.annotations.Component;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.SweepPolicy;
import osbox.policy.support.options.Options;

/** Makes C-LOOK I/O schedulers; registered as the I/O scheduler named {@code clook}. */
@Component(service = IoSchedulingPolicyProvider.class, property = IoSchedulingPolicyProvider.NAME + "=clook")
public final class ClookProvider extends AbstractPolicyProvider<IoSchedulingPolicy>
        implements IoSchedulingPolicyProvider {

    /** The one line for listings. */
    public ClookProvider() {
        super("clook: circular LOOK, sweeping up and jumping back to the lowest request; O(log n)");
    }

    /** A one-way sweep jumping back to the lowest request (it takes no options). */
    @Override
    protected IoSchedulingPolicy build(Options options) {
        return new SweepPolicy(true, false, true);
    }
}
