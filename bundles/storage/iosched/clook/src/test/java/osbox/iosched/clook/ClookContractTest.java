package osbox.iosched.clook;

import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.testkit.io.IoSchedulingPolicyContract;

/** C-LOOK passes the contract; its bound is a sweep up and one back. */
class ClookContractTest extends IoSchedulingPolicyContract {
    @Override
    protected IoSchedulingPolicyProvider provider() {
        return new ClookProvider();
    }

    @Override
    protected long waitBound() {
        return 2 * (BAND_WIDTH + STREAM_DEPTH);
    }
}
