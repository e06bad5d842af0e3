package osbox.deadlock.kill;

import org.osgi.service.component.annotations.Component;
import osbox.api.deadlock.DeadlockPolicyProvider;

/** Registers the kill provider as a whiteboard service named "kill". */
@Component(service = DeadlockPolicyProvider.class,
        property = DeadlockPolicyProvider.NAME + "=" + KillProvider.NAME_VALUE)
public final class KillComponent extends KillProvider {
}
