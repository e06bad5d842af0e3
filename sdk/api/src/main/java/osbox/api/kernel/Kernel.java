package osbox.api.kernel;

import org.osgi.annotation.versioning.ProviderType;

/** Kernel-wide facilities for extensions. Simulation thread only. */
@ProviderType
public interface Kernel {
    /** Makes a wait queue (for a driver or a syscall family). */
    WaitQueue newWaitQueue(String name);

    /** The process manager. */
    ProcessManager processManager();

    /**
     * The hart whose trap (system call, fault, interrupt) the kernel is
     * handling now, or -1 outside any trap (an event firing between
     * instructions). Since 1.10.
     */
    default int currentHart() {
        return -1;
    }

    /**
     * Charges {@code cycles} of kernel work to {@code hart}: its clock moves
     * on by that much before it runs user code again, as for a swap
     * transfer. For a driver's programmed I/O copies and polling, so the
     * time the CPU spends on I/O is time it cannot give to programs. A hart
     * out of range or cycles below 1 are ignored. Since 1.10.
     */
    default void chargeCpu(int hart, long cycles) {
    }
}
