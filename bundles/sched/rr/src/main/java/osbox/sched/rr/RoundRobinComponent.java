package osbox.sched.rr;

import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicyProvider;

/** Registers the round-robin provider as a whiteboard service named "rr". */
@Component(service = SchedulingPolicyProvider.class,
        property = SchedulingPolicyProvider.NAME + "=" + RoundRobinProvider.NAME_VALUE)
public final class RoundRobinComponent extends RoundRobinProvider {
}
