package osbox.sched.stcf;

import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicyProvider;

/** Registers the STCF provider as a whiteboard service named "stcf". */
@Component(service = SchedulingPolicyProvider.class,
        property = SchedulingPolicyProvider.NAME + "=" + StcfProvider.NAME_VALUE)
public final class StcfComponent extends StcfProvider {
}
