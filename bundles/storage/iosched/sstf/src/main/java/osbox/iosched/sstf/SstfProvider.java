package osbox.iosched.sstf;

import org.osgi.service.component.annotations.Component;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes SSTF I/O schedulers; registered as the I/O scheduler named {@code sstf}. */
@Component(service = IoSchedulingPolicyProvider.class, property = IoSchedulingPolicyProvider.NAME + "=sstf")
public final class SstfProvider extends AbstractPolicyProvider<IoSchedulingPolicy>
        implements IoSchedulingPolicyProvider {

    /** The one line for listings. */
    public SstfProvider() {
        super("sstf: shortest seek time first, nearest request to the head; may starve far requests; O(log n)");
    }

    /** An SSTF policy (it takes no options). */
    @Override
    protected IoSchedulingPolicy build(Options options) {
        return new SstfPolicy();
    }
}
