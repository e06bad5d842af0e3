package osbox.api.kernel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Gives processes started from outside (by the launcher or the shell) their
 * standard descriptors: the kernel opens the terminal once per such process
 * and installs it as descriptors 0, 1 and 2. While no provider is bound,
 * such processes start with no descriptors. Whiteboard service.
 */
@ConsumerType
public interface TerminalProvider {
    /** Opens the terminal. */
    OpenFile open();

    /**
     * Opens the terminal for {@code starting}, a process the kernel is
     * starting from outside: a terminal with job control makes itself the
     * controlling terminal of that process's session, if it is no
     * session's yet, and puts its process group in the foreground, as a
     * shell does with the job it starts. Since 1.6.
     */
    default OpenFile open(ProcessView starting) {
        return open();
    }
}
