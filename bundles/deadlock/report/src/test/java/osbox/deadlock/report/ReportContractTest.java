package osbox.deadlock.report;

import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.testkit.deadlock.DeadlockPolicyContract;

/** The report policy passes the deadlock policy contract. */
class ReportContractTest extends DeadlockPolicyContract {
    @Override
    protected DeadlockPolicyProvider provider() {
        return new ReportProvider();
    }
}
