package osbox.vm.replace.lfu;

import org.osgi.service.component.annotations.Component;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/** Registers the LFU provider as a whiteboard service named "lfu". */
@Component(service = ReplacementPolicyProvider.class,
        property = ReplacementPolicyProvider.NAME + "=" + LfuProvider.NAME_VALUE)
public final class LfuComponent extends LfuProvider {
}
