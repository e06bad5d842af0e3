package osbox.kernel.core;

import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessManager;

/**
 * The kernel component as the bundle's own components see it: the public
 * services plus the core object, for the whiteboard trackers and the
 * scheduling slot's control. Not exported.
 */
public interface KernelInternals extends Kernel, ProcessManager {
    /** The kernel core; use only on the simulation thread (its whiteboard from any). */
    KernelCore core();
}
