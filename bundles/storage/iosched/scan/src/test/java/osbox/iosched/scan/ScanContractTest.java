package osbox.iosched.scan;

import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.testkit.io.IoSchedulingPolicyContract;

/** SCAN passes the contract; its bound is a sweep each way over the band, then the far read. */
class ScanContractTest extends IoSchedulingPolicyContract {
    @Override
    protected IoSchedulingPolicyProvider provider() {
        return new ScanProvider();
    }

    @Override
    protected long waitBound() {
        return 2 * (BAND_WIDTH + STREAM_DEPTH);
    }
}
