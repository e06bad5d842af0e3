package ${package};

import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicyProvider;

/**
 * Registers the provider as a whiteboard service named "${policyName}": when
 * this bundle starts, the policy appears in sched:list; when it stops, it goes
 * (and the built-in round robin takes over if it was the active one).
 */
@Component(service = SchedulingPolicyProvider.class,
        property = SchedulingPolicyProvider.NAME + "=" + RoundRobinProvider.NAME_VALUE)
public final class RoundRobinComponent extends RoundRobinProvider {
}
