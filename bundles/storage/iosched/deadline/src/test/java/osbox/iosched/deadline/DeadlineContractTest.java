package osbox.iosched.deadline;

import java.util.Map;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.testkit.io.IoSchedulingPolicyContract;

/** deadline passes the contract; a read waits at most its expiry and a batch, twice over for the expired ones ahead of it. */
class DeadlineContractTest extends IoSchedulingPolicyContract {
    /** A read expiry of 100 dispatches, so the bound is tested well inside the stream. */
    static final long READ_EXPIRE_CYCLES = 100 * SERVICE_CYCLES;

    @Override
    protected Map<String, String> options() {
        return Map.of(DeadlineProvider.READ_EXPIRE, Long.toString(READ_EXPIRE_CYCLES));
    }

    @Override
    protected IoSchedulingPolicyProvider provider() {
        return new DeadlineProvider();
    }

    @Override
    protected long waitBound() {
        return 2 * (READ_EXPIRE_CYCLES / SERVICE_CYCLES + 16);
    }
}
