package osbox.vm.replace.lru;

import org.osgi.service.component.annotations.Component;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/** Registers the lru provider as a whiteboard service named "lru". */
@Component(service = ReplacementPolicyProvider.class,
        property = ReplacementPolicyProvider.NAME + "=" + LruProvider.NAME_VALUE)
public final class LruComponent extends LruProvider {
}
