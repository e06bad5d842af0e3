package osbox.ipc.sysv.common;

import java.util.Map;
import java.util.TreeMap;
import osbox.api.kernel.SyscallContext;

/**
 * Who sleeps in a blocking call of one kind (msgsnd, msgrcv, semop), on
 * which object and until when: a woken call runs again from the start, so
 * this is how its restart learns that IPC_RMID removed its object (EIDRM)
 * and what its deadline was (semtimedop). An entry is taken back on the
 * caller's next call, and dropped when the process exits. Simulation thread
 * only; by pid (a snapshot lists them in pid order).
 */
public final class IpcSleepers {
    /** A sleep: the object slept on, and the deadline in cycles (Long.MAX_VALUE: none). */
    public record Sleep(IpcObject on, long deadline) {
    }

    private final TreeMap<Integer, Sleep> byPid = new TreeMap<>();

    /** Records that the caller goes to sleep on obj until deadline (the call then answers RESTART). */
    public void sleeping(SyscallContext c, IpcObject obj, long deadline) {
        byPid.put(c.process().pid(), new Sleep(obj, deadline));
    }

    /**
     * Takes back the caller's sleep: the sleep this call is the restart of,
     * or null when it is a new call (a stale entry, from a call a signal
     * ended with EINTR, is dropped).
     */
    public Sleep resume(SyscallContext c) {
        Sleep s = byPid.remove(c.process().pid());
        return c.woken() ? s : null;
    }

    /** Forgets pid's sleep (it exited). */
    public void forget(int pid) {
        byPid.remove(pid);
    }

    /** Every sleep by pid, a copy (a snapshot's export). */
    public Map<Integer, Sleep> all() {
        return new TreeMap<>(byPid);
    }

    /** Puts back a sleep a snapshot carried: pid's restart takes it as if it had slept here. */
    public void restore(int pid, Sleep s) {
        byPid.put(pid, s);
    }

    /** Forgets every sleep of a pid that {@code alive} says has ended (after a restore). */
    public void retainAlive(java.util.function.IntPredicate alive) {
        byPid.keySet().removeIf(pid -> !alive.test(pid));
    }
}
