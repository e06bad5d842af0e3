package osbox.vm.replace.random;

import org.osgi.service.component.annotations.Component;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/** Registers the random provider as a whiteboard service named "random". */
@Component(service = ReplacementPolicyProvider.class,
        property = ReplacementPolicyProvider.NAME + "=" + RandomProvider.NAME_VALUE)
public final class RandomComponent extends RandomProvider {
}
