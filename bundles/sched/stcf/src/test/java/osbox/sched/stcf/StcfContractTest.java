package osbox.sched.stcf;

import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** STCF passes the policy contract (not fair: long jobs may starve). */
class StcfContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new StcfProvider();
    }

    @Override
    protected boolean fair() {
        return false;
    }
}
