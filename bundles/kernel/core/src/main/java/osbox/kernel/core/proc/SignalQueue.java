package osbox.kernel.core.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of pending signals with each one's siginfo (Linux's struct
 * sigpending): standard signals 1..31 collapse to one instance, realtime
 * signals 32..64 queue in arrival order. Each thread has one (its
 * thread-directed signals) and each process one (signals sent to the
 * process that every thread blocked). Data only; simulation thread only.
 */
final class SignalQueue {
    private long pending;
    private final SigInfo[] standardInfo = new SigInfo[32];
    private final List<SigInfo> realtime = new ArrayList<>();

    /** The pending set (signal n is bit n-1). */
    long pending() {
        return pending;
    }

    /** Queues info's signal; a standard one already pending is dropped (Linux's legacy_queue). */
    void enqueue(SigInfo info) {
        int sig = info.signo();
        if (sig < 32) {
            if ((pending & SignalState.bit(sig)) != 0) {
                return;
            }
            standardInfo[sig] = info;
        } else {
            realtime.add(info);
        }
        pending |= SignalState.bit(sig);
    }

    /** Takes the oldest instance of sig off the queue; null when it is not pending. */
    SigInfo dequeue(int sig) {
        if ((pending & SignalState.bit(sig)) == 0) {
            return null;
        }
        if (sig < 32) {
            SigInfo info = standardInfo[sig];
            standardInfo[sig] = null;
            pending &= ~SignalState.bit(sig);
            return info;
        }
        SigInfo found = null;
        boolean more = false;
        for (int i = 0; i < realtime.size(); i++) {
            if (realtime.get(i).signo() == sig) {
                if (found == null) {
                    found = realtime.remove(i--);
                } else {
                    more = true;
                    break;
                }
            }
        }
        if (!more) {
            pending &= ~SignalState.bit(sig);
        }
        return found;
    }

    /** Drops every pending instance of the signals in set. */
    void discard(long set) {
        for (int sig = 1; sig <= 64; sig++) {
            while ((pending & set & SignalState.bit(sig)) != 0) {
                dequeue(sig);
            }
        }
    }
}
