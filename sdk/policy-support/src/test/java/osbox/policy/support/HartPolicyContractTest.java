package osbox.policy.support;

import java.util.Map;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.options.Options;
import osbox.testkit.sched.SchedulingPolicyContract;

/** The per-hart FIFO of {@link HartPolicyTest}, built on HartPolicy, passes the test kit's contract. */
class HartPolicyContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new SchedulingPolicyProvider() {
            @Override
            public String describe() {
                return "per-hart fifo (test)";
            }

            @Override
            public Map<String, String> defaults() {
                return Map.of();
            }

            @Override
            public SchedulingPolicy create(Map<String, String> options) {
                Options.of(defaults(), options);
                return new HartPolicyTest.Fifo();
            }
        };
    }
}
