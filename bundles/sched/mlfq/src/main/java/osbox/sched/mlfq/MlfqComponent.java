package osbox.sched.mlfq;

import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicyProvider;

/** Registers the MLFQ provider as a whiteboard service named "mlfq". */
@Component(service = SchedulingPolicyProvider.class,
        property = SchedulingPolicyProvider.NAME + "=" + MlfqProvider.NAME_VALUE)
public final class MlfqComponent extends MlfqProvider {
}
