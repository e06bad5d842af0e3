package osbox.sched.fifo;

import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** FIFO passes the policy contract (it is not fair: a task that never blocks keeps the CPU). */
class FifoContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new FifoProvider();
    }

    @Override
    protected boolean fair() {
        return false;
    }
}
