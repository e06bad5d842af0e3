package ${package};

import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.testkit.io.IoSchedulingPolicyContract;

/** The SDK's contract: the rules every osbox I/O scheduler must keep, with the window's bound. */
class WindowedSstfContractTest extends IoSchedulingPolicyContract {
    @Override
    protected IoSchedulingPolicyProvider provider() {
        return new WindowedSstfProvider();
    }

    /**
     * A request waits for those queued before it (at most the stream's
     * STREAM_DEPTH and the far read) and at most window - 1 (3) of its batch.
     */
    @Override
    protected long waitBound() {
        return STREAM_DEPTH + 1 + 4 - 1;
    }
}
