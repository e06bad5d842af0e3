package osbox.vm.replace.clock;

import org.osgi.service.component.annotations.Component;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/** Registers the CLOCK provider as a whiteboard service named "clock". */
@Component(service = ReplacementPolicyProvider.class,
        property = ReplacementPolicyProvider.NAME + "=" + ClockProvider.NAME_VALUE)
public final class ClockComponent extends ClockProvider {
}
