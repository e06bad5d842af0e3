package org.example.osbox.nru;

import org.osgi.service.component.annotations.Component;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/**
 * Registers the provider as a whiteboard service named "nru": when this
 * bundle starts, the policy appears in vm:list; when it stops, it goes (and
 * the built-in FIFO takes over if it was the active one).
 */
@Component(service = ReplacementPolicyProvider.class,
        property = ReplacementPolicyProvider.NAME + "=" + NotRecentlyUsedProvider.NAME_VALUE)
public final class NotRecentlyUsedComponent extends NotRecentlyUsedProvider {
}
