package osbox.kernel.core;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import osbox.kernel.support.WhiteboardTracker;

/**
 * The kernel's whiteboard in the framework: tracks the services of every
 * kind in the kernel's table ({@link KernelCore#whiteboard()}: syscall
 * handlers, executable formats, interrupt handlers, the terminal,
 * scheduling policies) and hands their comings and goings to it, which
 * applies an arrival at the next safe point and a departure before the
 * service's unregistration returns. A component apart from the kernel's, so
 * components that need the Kernel service can also be syscall handlers
 * without a cycle in activation.
 */
@Component(immediate = true)
public final class KernelWhiteboard {
    private final WhiteboardTracker trackers;

    /** Opens a tracker for each kind of the kernel's whiteboard. */
    @Activate
    public KernelWhiteboard(BundleContext context, @Reference(name = "kernel") KernelInternals kernel) {
        this.trackers = WhiteboardTracker.open(context, kernel.core().whiteboard());
    }

    /** Closes the trackers: every service still bound is unbound before this returns. */
    @Deactivate
    void deactivate() {
        trackers.close();
    }
}
