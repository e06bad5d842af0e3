package osbox.kernel.core;

import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessManager;

/**
 * The kernel component as the bundle's own components see it: the public
 * services plus the core object, for the whiteboard collector. Not exported.
 */
public interface KernelInternals extends Kernel, ProcessManager {
    /** The kernel core; use only on the simulation thread. */
    KernelCore core();

    /** Runs r at the next safe point; with {@code wait}, returns when it has run. */
    void atSafePoint(Runnable r, boolean wait);
}
