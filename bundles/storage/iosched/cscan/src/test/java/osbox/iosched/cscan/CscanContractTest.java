package osbox.iosched.cscan;

import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.testkit.io.IoSchedulingPolicyContract;

/** C-SCAN passes the contract; its bound is a sweep up and one back. */
class CscanContractTest extends IoSchedulingPolicyContract {
    @Override
    protected IoSchedulingPolicyProvider provider() {
        return new CscanProvider();
    }

    @Override
    protected long waitBound() {
        return 2 * (BAND_WIDTH + STREAM_DEPTH);
    }
}
