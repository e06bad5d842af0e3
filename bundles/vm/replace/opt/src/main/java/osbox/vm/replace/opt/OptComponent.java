package osbox.vm.replace.opt;

import org.osgi.service.component.annotations.Component;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/** Registers the opt provider as a whiteboard service named "opt". */
@Component(service = ReplacementPolicyProvider.class,
        property = ReplacementPolicyProvider.NAME + "=" + OptProvider.NAME_VALUE)
public final class OptComponent extends OptProvider {
}
