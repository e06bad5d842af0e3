package org.example.osbox.wrr;

import java.util.Map;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** The SDK's contract: the rules every osbox scheduling policy must keep. */
class WeightedRoundRobinContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new WeightedRoundRobinProvider();
    }

    /** A small quantum keeps the test runs short. */
    @Override
    protected Map<String, String> options() {
        return Map.of(WeightedRoundRobinProvider.QUANTUM, "100");
    }
}
