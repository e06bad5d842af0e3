package osbox.api.kernel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A task as the deadlock detector shows it to a {@link WaitResource}: who
 * it is and which open files its process holds, so the resource can say
 * whether it holds it. Since 1.8.
 */
@ProviderType
public interface WaitHolder {
    /** The process id (the thread group). */
    int pid();

    /** The thread id (the pid for a process's main thread). */
    int tid();

    /** Whether its process's descriptor table holds {@code file} at some descriptor. */
    boolean holdsFile(OpenFile file);
}
