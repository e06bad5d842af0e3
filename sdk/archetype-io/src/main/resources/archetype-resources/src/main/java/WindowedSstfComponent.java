package ${package};

import org.osgi.service.component.annotations.Component;
import osbox.api.io.IoSchedulingPolicyProvider;

/**
 * Registers the provider as a whiteboard service named "${policyName}": when
 * this bundle starts, the block layer can choose it; when it stops, it goes
 * (and the built-in FIFO takes over if it was the active one).
 */
@Component(service = IoSchedulingPolicyProvider.class,
        property = IoSchedulingPolicyProvider.NAME + "=" + WindowedSstfProvider.NAME_VALUE)
public final class WindowedSstfComponent extends WindowedSstfProvider {
}
