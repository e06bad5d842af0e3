package osbox.ipc.epoll;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.WaitQueue;

/**
 * One entry of an epoll instance's interest list (Linux's epitem): the
 * file watched (under the descriptor it was added by), the events asked
 * for, the user's data, and its watch on each of the file's wait queues,
 * which puts it on the ready list whenever the queue is woken (Linux's
 * ep_poll_callback).
 */
final class Interest {
    final int fd;
    final OpenFile file;
    int events;
    long data;
    /** On the instance's ready list. */
    boolean ready;
    private final List<WaitQueue> queues = new ArrayList<>();
    private final List<Runnable> watches = new ArrayList<>();

    Interest(int fd, OpenFile file, int events, long data) {
        this.fd = fd;
        this.file = file;
        this.events = events;
        this.data = data;
    }

    /**
     * Asks the file its readiness now and, the first time, watches every
     * queue it hands over: each wake-up of one runs onWake (and the watch
     * renews itself, as Linux's poll-table entry stays until removal).
     */
    int poll(Runnable onWake) {
        if (!queues.isEmpty() || onWake == null) {
            return file.poll(null);
        }
        return file.poll(q -> {
            Runnable[] self = new Runnable[1];
            self[0] = () -> {
                q.watchOnce(self[0]);
                onWake.run();
            };
            q.watchOnce(self[0]);
            queues.add(q);
            watches.add(self[0]);
        });
    }

    /** Stops watching the file's queues (the entry is removed). */
    void unwatch() {
        for (int i = 0; i < queues.size(); i++) {
            queues.get(i).unwatch(watches.get(i));
        }
        queues.clear();
        watches.clear();
    }
}
