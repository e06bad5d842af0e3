package osbox.iosched.deadline;

import org.osgi.service.component.annotations.Component;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes deadline I/O schedulers; registered as the I/O scheduler named {@code deadline}. */
@Component(service = IoSchedulingPolicyProvider.class, property = IoSchedulingPolicyProvider.NAME + "=deadline")
public final class DeadlineProvider extends AbstractPolicyProvider<IoSchedulingPolicy>
        implements IoSchedulingPolicyProvider {
    /** Cycles a read may wait before it goes first. */
    public static final String READ_EXPIRE = "read-expire";
    /** Cycles a write may wait before it goes first. */
    public static final String WRITE_EXPIRE = "write-expire";
    /** Most requests per batch. */
    public static final String FIFO_BATCH = "fifo-batch";
    /** Read batches that may pass waiting writes before a write batch. */
    public static final String WRITES_STARVED = "writes-starved";
    /** Largest expiry accepted, in cycles (about 11 days at 1 GHz). */
    static final long MAX_EXPIRE = 1L << 50;

    /** The one line for listings; Linux's defaults at the machine's 1 GHz: 500 ms, 5 s, 16, 2. */
    public DeadlineProvider() {
        super("deadline: sector-ordered batches with read and write expiries (Linux's mq-deadline); O(log n)",
                READ_EXPIRE, "500000000",
                WRITE_EXPIRE, "5000000000",
                FIFO_BATCH, "16",
                WRITES_STARVED, "2");
    }

    /** A deadline policy with the given expiries and batch limits. */
    @Override
    protected IoSchedulingPolicy build(Options options) {
        return new DeadlinePolicy(options.longIn(READ_EXPIRE, 0, MAX_EXPIRE),
                options.longIn(WRITE_EXPIRE, 0, MAX_EXPIRE),
                (int) options.longIn(FIFO_BATCH, 1, 1 << 20),
                (int) options.longIn(WRITES_STARVED, 0, 1 << 20));
    }
}
