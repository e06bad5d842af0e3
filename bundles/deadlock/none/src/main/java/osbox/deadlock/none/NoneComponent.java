package osbox.deadlock.none;

import org.osgi.service.component.annotations.Component;
import osbox.api.deadlock.DeadlockPolicyProvider;

/** Registers the none provider as a whiteboard service named "none". */
@Component(service = DeadlockPolicyProvider.class,
        property = DeadlockPolicyProvider.NAME + "=" + NoneProvider.NAME_VALUE)
public final class NoneComponent extends NoneProvider {
}
