package osbox.vm.replace.mru;

import org.osgi.service.component.annotations.Component;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/** Registers the mru provider as a whiteboard service named "mru". */
@Component(service = ReplacementPolicyProvider.class,
        property = ReplacementPolicyProvider.NAME + "=" + MruProvider.NAME_VALUE)
public final class MruComponent extends MruProvider {
}
