package osbox.sched.fifo;

import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicyProvider;

/** Registers the FIFO provider as a whiteboard service named "fifo". */
@Component(service = SchedulingPolicyProvider.class,
        property = SchedulingPolicyProvider.NAME + "=" + FifoProvider.NAME_VALUE)
public final class FifoComponent extends FifoProvider {
}
