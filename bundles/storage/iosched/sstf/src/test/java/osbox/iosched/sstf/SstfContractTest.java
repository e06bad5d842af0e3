package osbox.iosched.sstf;

import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.testkit.io.IoSchedulingPolicyContract;

/** SSTF passes the contract but promises no bound: the stream near the head starves the far read. */
class SstfContractTest extends IoSchedulingPolicyContract {
    @Override
    protected IoSchedulingPolicyProvider provider() {
        return new SstfProvider();
    }

    @Override
    protected long waitBound() {
        return -1;
    }
}
