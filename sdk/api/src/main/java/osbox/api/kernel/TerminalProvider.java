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
}
