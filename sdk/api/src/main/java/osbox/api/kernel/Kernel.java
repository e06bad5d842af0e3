package osbox.api.kernel;

import org.osgi.annotation.versioning.ProviderType;

/** Kernel-wide facilities for extensions. Simulation thread only. */
@ProviderType
public interface Kernel {
    /** Makes a wait queue (for a driver or a syscall family). */
    WaitQueue newWaitQueue(String name);

    /** The process manager. */
    ProcessManager processManager();
}
