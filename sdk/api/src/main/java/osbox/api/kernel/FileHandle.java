package osbox.api.kernel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One reference to an open file description held outside the descriptor
 * tables (Linux's get_file on a struct file): a descriptor passed by
 * SCM_RIGHTS while it is in flight. The description is released after its
 * last descriptor is closed and every handle on it is closed. Made by
 * {@link SyscallContext#hold}. Simulation thread only. Since 1.8.
 */
@ProviderType
public interface FileHandle {
    /** The open file description held. */
    OpenFile file();

    /** Drops this reference (once: IllegalStateException on a second close); the last one releases the file. */
    void close();
}
