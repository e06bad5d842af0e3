package osbox.deadlock.breaking;

import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.testkit.deadlock.DeadlockPolicyContract;

/** The break policy passes the deadlock policy contract. */
class BreakContractTest extends DeadlockPolicyContract {
    @Override
    protected DeadlockPolicyProvider provider() {
        return new BreakProvider();
    }
}
