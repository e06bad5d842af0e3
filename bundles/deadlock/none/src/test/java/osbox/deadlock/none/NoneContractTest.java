package osbox.deadlock.none;

import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.testkit.deadlock.DeadlockPolicyContract;

/** The none policy passes the deadlock policy contract. */
class NoneContractTest extends DeadlockPolicyContract {
    @Override
    protected DeadlockPolicyProvider provider() {
        return new NoneProvider();
    }
}
