package osbox.launcher;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Installs {@link HostExit}'s handlers (host out of memory, SIGINT,
 * SIGTERM) as soon as the launcher bundle starts, in run and shell mode
 * alike. It needs no service, so that it is there even when the machine or
 * the kernel cannot start.
 */
@Component(immediate = true, service = HostExitComponent.class)
public final class HostExitComponent {

    /** Installs the handlers (once per JVM). */
    @Activate
    public HostExitComponent() {
        HostExit.install();
    }
}
