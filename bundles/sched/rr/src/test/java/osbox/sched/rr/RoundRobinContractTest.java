package osbox.sched.rr;

import java.util.Map;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** Round robin passes the policy contract, with its default quantum. */
class RoundRobinContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new RoundRobinProvider();
    }

    /** A small quantum, test runs stay short. */
    @Override
    protected Map<String, String> options() {
        return Map.of(RoundRobinProvider.QUANTUM, "100");
    }
}
