package osbox.iosched.noop;

import org.osgi.service.component.annotations.Component;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes FIFO I/O schedulers; registered as the I/O scheduler named {@code noop}. */
@Component(service = IoSchedulingPolicyProvider.class, property = IoSchedulingPolicyProvider.NAME + "=noop")
public final class NoopProvider extends AbstractPolicyProvider<IoSchedulingPolicy>
        implements IoSchedulingPolicyProvider {

    /** The one line for listings. */
    public NoopProvider() {
        super("noop: first come, first served (Linux's none); O(1)");
    }

    /** A FIFO (it takes no options). */
    @Override
    protected IoSchedulingPolicy build(Options options) {
        return new NoopPolicy();
    }
}
