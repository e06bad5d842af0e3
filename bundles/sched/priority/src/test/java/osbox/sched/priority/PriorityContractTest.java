package osbox.sched.priority;

import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.SchedulingPolicyContract;

/** Priority with aging passes the scheduling-policy contract of the test kit (fair thanks to aging). */
class PriorityContractTest extends SchedulingPolicyContract {
    @Override
    protected SchedulingPolicyProvider provider() {
        return new PriorityProvider();
    }
}
