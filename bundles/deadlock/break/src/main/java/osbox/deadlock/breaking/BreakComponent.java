package osbox.deadlock.breaking;

import org.osgi.service.component.annotations.Component;
import osbox.api.deadlock.DeadlockPolicyProvider;

/** Registers the break provider as a whiteboard service named "break". */
@Component(service = DeadlockPolicyProvider.class,
        property = DeadlockPolicyProvider.NAME + "=" + BreakProvider.NAME_VALUE)
public final class BreakComponent extends BreakProvider {
}
