package osbox.vm.replace.aging;

import org.osgi.service.component.annotations.Component;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/** Registers the aging provider as a whiteboard service named "aging". */
@Component(service = ReplacementPolicyProvider.class,
        property = ReplacementPolicyProvider.NAME + "=" + AgingProvider.NAME_VALUE)
public final class AgingComponent extends AgingProvider {
}
