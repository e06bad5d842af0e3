package osbox.api.kernel;

import org.osgi.annotation.versioning.ProviderType;

/** Processes sleeping for one condition (input arrived, a child exited...). */
@ProviderType
public interface WaitQueue {
    /** Makes every sleeper runnable again; returns how many woke. */
    int wakeAll();

    /** Number of sleepers. */
    int size();

    String name();
}
