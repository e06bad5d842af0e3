package osbox.sched.cfs;

import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** CFS passes the scheduling-policy contract of the test kit. */
class CfsContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new CfsProvider();
    }
}
