package osbox.iosched.bfq;

import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.testkit.io.IoSchedulingPolicyContract;

/** BFQ (budget 128 sectors) passes the contract; the far read's process is served after at most one budget of the stream's, and each process gets its own budget in turn. */
class BfqContractTest extends IoSchedulingPolicyContract {
    @Override
    protected IoSchedulingPolicyProvider provider() {
        return new BfqProvider();
    }

    @Override
    protected long waitBound() {
        return 2 * 128;
    }
}
