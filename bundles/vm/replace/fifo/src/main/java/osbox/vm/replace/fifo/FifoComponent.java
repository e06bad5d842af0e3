package osbox.vm.replace.fifo;

import org.osgi.service.component.annotations.Component;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/** Registers the FIFO provider as a whiteboard service named "fifo". */
@Component(service = ReplacementPolicyProvider.class,
        property = ReplacementPolicyProvider.NAME + "=" + FifoProvider.NAME_VALUE)
public final class FifoComponent extends FifoProvider {
}
