package osbox.kernel.core.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import osbox.api.kernel.ProcessState;

/**
 * Every process not yet reaped, by pid (a sorted map: listing order never
 * depends on hashing). Pids count up from 1 and wrap below {@link #PID_MAX}.
 */
public final class ProcessTable {
    public static final int PID_MAX = 32768;
    private final TreeMap<Integer, Process> byPid = new TreeMap<>();
    private int nextPid = 1;

    /**
     * Allocates a pid and a PCB in state NEW, in its parent's process group
     * and session (a process the launcher starts, without a parent, leads a
     * process group of its own in session 0, the launcher's, as a
     * job-control shell's child does: so setpgid(0, 0) succeeds and setsid
     * fails with EPERM, the group leader's answer).
     * Throws when every pid is in use.
     */
    public Process create(int ppid, String name, List<String> argv, long now) {
        if (byPid.size() >= PID_MAX - 1) {
            throw new IllegalStateException("process table full");
        }
        while (byPid.containsKey(nextPid)) {
            nextPid = nextPid % (PID_MAX - 1) + 1;
        }
        Process p = new Process(nextPid, ppid, name, argv, now);
        Process parent = byPid.get(ppid);
        if (parent != null) {
            p.pgid = parent.pgid;       // fork: the parent's process group and session
            p.sid = parent.sid;
        } else {
            p.pgid = p.pid();             // a process the launcher starts: its own group, as a
            p.sid = 0;                  // job-control shell's child is, in the launcher's session (0)
        }
        byPid.put(p.pid(), p);
        nextPid = nextPid % (PID_MAX - 1) + 1;
        return p;
    }

    /** The process with this pid (a zombie too, until reaped), or null. */
    public Process get(int pid) {
        return byPid.get(pid);
    }

    /** Marks p a zombie with its wait status and optional kill report. */
    public void zombify(Process p, int waitStatus, String killReport, long now) {
        p.setState(ProcessState.ZOMBIE);
        p.waitStatus = waitStatus;
        p.killReport = killReport;
        p.exitedAt = now;
    }

    /** Forgets a zombie (reaped). */
    public void remove(Process p) {
        if (p.state() != ProcessState.ZOMBIE) {
            throw new IllegalStateException(p + " reaped while " + p.state());
        }
        byPid.remove(p.pid());
    }

    /** All processes by pid. */
    public List<Process> all() {
        return new ArrayList<>(byPid.values());
    }

    /** Whether some process (a zombie too, until reaped) is in process group pgid of session sid. */
    public boolean groupInSession(int pgid, int sid) {
        for (Process p : byPid.values()) {
            if (p.pgid == pgid && p.sid == sid) {
                return true;
            }
        }
        return false;
    }

    /** Whether some process (a zombie too, until reaped) is in process group pgid. */
    public boolean groupExists(int pgid) {
        for (Process p : byPid.values()) {
            if (p.pgid == pgid) {
                return true;
            }
        }
        return false;
    }

    /** Processes in the table, zombies included. */
    public int size() {
        return byPid.size();
    }
}
