package ${package};

import java.util.Map;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** The SDK's contract: the rules every osbox scheduling policy must keep. */
class RoundRobinContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new RoundRobinProvider();
    }

    /** A small quantum keeps the test runs short. */
    @Override
    protected Map<String, String> options() {
        return Map.of(RoundRobinProvider.QUANTUM, "100");
    }
}
