package osbox.iosched.noop;

import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.testkit.io.IoSchedulingPolicyContract;

/** FIFO passes the contract; a request waits only for those queued before it (the stream keeps 8, so at most 8 dispatches). */
class NoopContractTest extends IoSchedulingPolicyContract {
    @Override
    protected IoSchedulingPolicyProvider provider() {
        return new NoopProvider();
    }

    @Override
    protected long waitBound() {
        return STREAM_DEPTH;
    }
}
