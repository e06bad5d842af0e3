package osbox.vm.replace.eclock;

import org.osgi.service.component.annotations.Component;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/** Registers the enhanced CLOCK provider as a whiteboard service named "eclock". */
@Component(service = ReplacementPolicyProvider.class,
        property = ReplacementPolicyProvider.NAME + "=" + EnhancedClockProvider.NAME_VALUE)
public final class EnhancedClockComponent extends EnhancedClockProvider {
}
