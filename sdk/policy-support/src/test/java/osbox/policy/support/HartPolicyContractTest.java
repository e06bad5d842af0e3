package osbox.policy.support;

import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.options.Options;
import osbox.testkit.sched.SchedulingPolicyContract;

/** The per-hart FIFO of {@link HartPolicyTest}, built on HartPolicy, passes the test kit's contract. */
class HartPolicyContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new PerHartFifoProvider();
    }

    /** The per-hart FIFO's provider: no options. */
    private static final class PerHartFifoProvider extends AbstractPolicyProvider<SchedulingPolicy>
            implements SchedulingPolicyProvider {
        PerHartFifoProvider() {
            super("per-hart fifo (test)");
        }

        @Override
        protected SchedulingPolicy build(Options options) {
            return new HartPolicyTest.Fifo();
        }
    }
}
