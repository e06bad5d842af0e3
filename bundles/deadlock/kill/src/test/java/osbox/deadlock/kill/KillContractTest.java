package osbox.deadlock.kill;

import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.testkit.deadlock.DeadlockPolicyContract;

/** The kill policy passes the deadlock policy contract. */
class KillContractTest extends DeadlockPolicyContract {
    @Override
    protected DeadlockPolicyProvider provider() {
        return new KillProvider();
    }
}
