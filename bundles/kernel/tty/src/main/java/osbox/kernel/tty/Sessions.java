package osbox.kernel.tty;

import java.util.Optional;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;

/**
 * What a terminal asks about processes for job control: sessions, process
 * groups and their parents, as Linux's tty_check_change and
 * will_become_orphaned_pgrp see them. A process with parent 0 was started
 * from outside: its parent is the launcher, in session 0 and in a process
 * group of its own (0), as a job-control shell is for the jobs it starts.
 * (Linux's rule that a child of init does not keep its group from being
 * orphaned is not applied: osbox's pid 1 is the user's program, not init.)
 */
final class Sessions {
    private final ProcessManager processes;

    Sessions(ProcessManager processes) {
        this.processes = processes;
    }

    /** Whether some process (a zombie too, until reaped) is in process group pgid of session sid. */
    boolean groupInSession(int pgid, int sid) {
        for (ProcessView p : processes.processes()) {
            if (p.pgid() == pgid && p.sid() == sid) {
                return true;
            }
        }
        return false;
    }

    /** Whether some process (a zombie too, until reaped) is in process group pgid. */
    boolean groupExists(int pgid) {
        for (ProcessView p : processes.processes()) {
            if (p.pgid() == pgid) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether process group pgid is orphaned: no live member has a parent
     * in another group of the same session (nobody is left to continue it
     * after a stop, so a terminal answers its background reads with EIO).
     */
    boolean orphaned(int pgid) {
        for (ProcessView p : processes.processes()) {
            if (p.pgid() != pgid || p.state() == ProcessState.ZOMBIE) {
                continue;
            }
            int parentGroup = 0;
            int parentSession = 0;
            if (p.ppid() != 0) {
                Optional<ProcessView> parent = processes.process(p.ppid());
                if (parent.isEmpty()) {
                    continue;
                }
                parentGroup = parent.get().pgid();
                parentSession = parent.get().sid();
            }
            if (parentGroup != pgid && parentSession == p.sid()) {
                return false;
            }
        }
        return true;
    }

    /** Sends sig to every process of group pgid (nothing when pgid is 0: no group). */
    void signalGroup(int pgid, int sig) {
        if (pgid > 0) {
            processes.killGroup(pgid, sig);
        }
    }
}
