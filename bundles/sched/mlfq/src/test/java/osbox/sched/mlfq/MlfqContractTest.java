package osbox.sched.mlfq;

import java.util.Map;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** MLFQ passes the policy contract, with small quanta and a boost so ticks matter. */
class MlfqContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new MlfqProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("queues", "3", "quantum", "100,200,400", "allot", "2", "boost", "5000");
    }
}
