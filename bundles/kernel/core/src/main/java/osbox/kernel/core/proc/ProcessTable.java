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
        ThreadGroup g = new ThreadGroup(nextPid, new SignalState.Shared());
        g.ppid = ppid;
        g.argv = List.copyOf(argv);
        Process p = new Process(nextPid, g, name, now);
        g.leader = p;
        g.threads.add(p);
        Process parent = byPid.get(ppid);
        if (parent != null) {
            g.pgid = parent.pgid();     // fork: the parent's process group and session
            g.sid = parent.sid();
        } else {
            g.pgid = p.pid();           // a process the launcher starts: its own group, as a
            g.sid = 0;                  // job-control shell's child is, in the launcher's session (0)
        }
        byPid.put(p.tid(), p);
        nextPid = nextPid % (PID_MAX - 1) + 1;
        return p;
    }

    /**
     * Allocates a tid and a thread in state NEW in creator's process
     * (clone with CLONE_THREAD), sharing its group's dispositions. Throws
     * when every id is in use.
     */
    public Process createThread(Process creator, long now) {
        if (byPid.size() >= PID_MAX - 1) {
            throw new IllegalStateException("process table full");
        }
        while (byPid.containsKey(nextPid)) {
            nextPid = nextPid % (PID_MAX - 1) + 1;
        }
        ThreadGroup g = creator.group();
        Process t = new Process(nextPid, g, creator.name(), now);
        g.threads.add(t);
        byPid.put(t.tid(), t);
        nextPid = nextPid % (PID_MAX - 1) + 1;
        return t;
    }

    /**
     * execve from a thread that does not lead its process (Linux's
     * de_thread): the old leader, ended, is forgotten, and t takes the pid
     * as its tid and leads. The caller ended every other thread.
     */
    public void takeLeadership(Process t) {
        ThreadGroup g = t.group();
        Process old = g.leader;
        if (old == t) {
            return;
        }
        if (old.state() != ProcessState.ZOMBIE) {
            throw new IllegalStateException(old + " still runs while " + t + " takes the lead");
        }
        byPid.remove(old.tid());
        byPid.remove(t.tid());
        g.threads.remove(old);
        t.setTid(g.tgid);
        g.leader = t;
        byPid.put(t.tid(), t);
    }

    /** The thread with this tid (a process's leader has its pid; a zombie too, until reaped), or null. */
    public Process get(int pid) {
        return byPid.get(pid);
    }

    /** Marks p a zombie (if it is not one already: a leader that ended before its threads) with its wait status and optional kill report. */
    public void zombify(Process p, int waitStatus, String killReport, long now) {
        if (p.state() != ProcessState.ZOMBIE) {
            p.setState(ProcessState.ZOMBIE);
        }
        p.waitStatus = waitStatus;
        p.killReport = killReport;
        p.exitedAt = now;
    }

    /** Forgets a zombie (reaped, or a thread that ended): every thread of its process goes with a leader. */
    public void remove(Process p) {
        if (p.state() != ProcessState.ZOMBIE) {
            throw new IllegalStateException(p + " reaped while " + p.state());
        }
        byPid.remove(p.tid());
        p.group().threads.remove(p);
    }

    /** Every thread by tid (a process's leader has tid == pid). */
    public List<Process> all() {
        return new ArrayList<>(byPid.values());
    }

    /** Whether some process (a zombie too, until reaped) is in process group pgid of session sid. */
    public boolean groupInSession(int pgid, int sid) {
        for (Process p : byPid.values()) {
            if (p.pgid() == pgid && p.sid() == sid) {
                return true;
            }
        }
        return false;
    }

    /** Whether some process (a zombie too, until reaped) is in process group pgid. */
    public boolean groupExists(int pgid) {
        for (Process p : byPid.values()) {
            if (p.pgid() == pgid) {
                return true;
            }
        }
        return false;
    }

    /** The leaders of every process (one entry per process), by pid. */
    public List<Process> processes() {
        List<Process> leaders = new ArrayList<>();
        for (Process p : byPid.values()) {
            if (p.isLeader()) {
                leaders.add(p);
            }
        }
        return leaders;
    }

    /** Threads in the table, zombies included. */
    public int size() {
        return byPid.size();
    }
}
