package osbox.iosched.look;

import org.osgi.service.component.annotations.Component;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.SweepPolicy;
import osbox.policy.support.options.Options;

/** Makes LOOK I/O schedulers; registered as the I/O scheduler named {@code look}. */
@Component(service = IoSchedulingPolicyProvider.class, property = IoSchedulingPolicyProvider.NAME + "=look")
public final class LookProvider extends AbstractPolicyProvider<IoSchedulingPolicy>
        implements IoSchedulingPolicyProvider {
    /** Which way the first sweep moves: {@code up} (towards higher sectors) or {@code down}. */
    public static final String DIRECTION = "direction";

    /** The one line for listings; the first sweep moves up. */
    public LookProvider() {
        super("look: the elevator turning at the last request each way; O(log n)",
                DIRECTION, "up");
    }

    /** A both-way sweep turning at the last request, first in the chosen direction. */
    @Override
    protected IoSchedulingPolicy build(Options options) {
        return new SweepPolicy(false, false, SweepPolicy.startsUp(options, DIRECTION));
    }
}
