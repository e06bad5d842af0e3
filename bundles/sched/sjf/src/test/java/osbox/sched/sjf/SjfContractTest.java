package osbox.sched.sjf;

import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** SJF passes the policy contract (not fair: long jobs may starve). */
class SjfContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new SjfProvider();
    }

    @Override
    protected boolean fair() {
        return false;
    }
}
