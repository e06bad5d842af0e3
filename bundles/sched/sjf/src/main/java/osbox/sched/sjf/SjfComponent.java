package osbox.sched.sjf;

import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicyProvider;

/** Registers the SJF provider as a whiteboard service named "sjf". */
@Component(service = SchedulingPolicyProvider.class,
        property = SchedulingPolicyProvider.NAME + "=" + SjfProvider.NAME_VALUE)
public final class SjfComponent extends SjfProvider {
}
