package osbox.iosched.bfq;

import org.osgi.service.component.annotations.Component;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes BFQ-like proportional-share I/O schedulers; registered as the I/O scheduler named {@code bfq}. */
@Component(service = IoSchedulingPolicyProvider.class, property = IoSchedulingPolicyProvider.NAME + "=bfq")
public final class BfqProvider extends AbstractPolicyProvider<IoSchedulingPolicy>
        implements IoSchedulingPolicyProvider {
    /** Sectors a process may dispatch each time it is served. */
    public static final String BUDGET = "budget";

    /** The one line for listings; budget 128 sectors. */
    public BfqProvider() {
        super("bfq: proportional share, budgets per process weighted by I/O priority (ioprio_set); O(log n)",
                BUDGET, "128");
    }

    /** A BFQ-like policy with the given budget. */
    @Override
    protected IoSchedulingPolicy build(Options options) {
        return new BfqPolicy(options.longIn(BUDGET, 1, 1 << 24));
    }
}
