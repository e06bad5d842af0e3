package osbox.sched.stride;

import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** Stride passes the scheduling-policy contract of the test kit. */
class StrideContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new StrideProvider();
    }
}
