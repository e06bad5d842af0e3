package osbox.iosched.look;

import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.testkit.io.IoSchedulingPolicyContract;

/** LOOK passes the contract; its bound is a sweep each way over the band. */
class LookContractTest extends IoSchedulingPolicyContract {
    @Override
    protected IoSchedulingPolicyProvider provider() {
        return new LookProvider();
    }

    @Override
    protected long waitBound() {
        return 2 * (BAND_WIDTH + STREAM_DEPTH);
    }
}
