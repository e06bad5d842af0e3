package osbox.sched.mlfq;

import java.util.Map;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** MLFQ with every mlfq.py switch on passes the policy contract too. */
class MlfqOstepContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new MlfqProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("queues", "2", "quantum", "50", "allot", "1", "boost", "700", "io-bump", "true",
                "stay", "true", "boost-reset", "ostep");
    }
}
