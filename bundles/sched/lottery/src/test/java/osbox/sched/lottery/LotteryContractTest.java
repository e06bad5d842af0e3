package osbox.sched.lottery;

import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** Lottery passes the scheduling-policy contract of the test kit. */
class LotteryContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new LotteryProvider();
    }
}
