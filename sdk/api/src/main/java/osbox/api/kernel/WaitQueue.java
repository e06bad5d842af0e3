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

    /**
     * Runs {@code r} once, at this queue's next {@link #wakeAll} (after its
     * sleepers woke): how a poller that watches several queues at once
     * (epoll) learns one of its files may have changed. Since 1.8.
     *
     * @throws UnsupportedOperationException for a queue that cannot be watched
     */
    default void watchOnce(Runnable r) {
        throw new UnsupportedOperationException("wait queue " + name() + " cannot be watched");
    }

    /** Forgets a watcher added by {@link #watchOnce} that has not run yet. Since 1.8. */
    default void unwatch(Runnable r) {
    }
}
