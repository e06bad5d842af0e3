package osbox.iosched.scan;

import org.osgi.service.component.annotations.Component;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.SweepPolicy;
import osbox.policy.support.options.Options;

/** Makes SCAN (elevator) I/O schedulers; registered as the I/O scheduler named {@code scan}. */
@Component(service = IoSchedulingPolicyProvider.class, property = IoSchedulingPolicyProvider.NAME + "=scan")
public final class ScanProvider extends AbstractPolicyProvider<IoSchedulingPolicy>
        implements IoSchedulingPolicyProvider {
    /** Which way the first sweep moves: {@code up} (towards higher sectors) or {@code down}. */
    public static final String DIRECTION = "direction";

    /** The one line for listings; the first sweep moves up. */
    public ScanProvider() {
        super("scan: the elevator, sweeping both ways to the disk's edges; O(log n)",
                DIRECTION, "up");
    }

    /** A both-way sweep to the edges, first in the chosen direction. */
    @Override
    protected IoSchedulingPolicy build(Options options) {
        return new SweepPolicy(false, true, SweepPolicy.startsUp(options, DIRECTION));
    }
}
