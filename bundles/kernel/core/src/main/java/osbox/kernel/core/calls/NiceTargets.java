package osbox.kernel.core.calls;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.ProcessState;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * The threads setpriority and getpriority act on, as Linux picks them:
 * PRIO_PROCESS who is one thread (0: the caller; nice is per thread on
 * Linux), PRIO_PGRP every thread of process group who (0: the caller's),
 * PRIO_USER every thread whose real uid is who (0: the caller's). Live
 * threads in tid order; null for an unknown {@code which} (EINVAL).
 */
final class NiceTargets {
    static final int PRIO_PROCESS = 0, PRIO_PGRP = 1, PRIO_USER = 2;

    private NiceTargets() {
    }

    /** The threads which/who name (maybe none: ESRCH), or null when which is unknown. */
    static List<Process> of(SyscallFrame c, long which, long who) {
        Process caller = c.process();
        List<Process> found = new ArrayList<>();
        if (which == PRIO_PROCESS) {
            Process t = SchedClass.target(c, who);
            if (t != null) {
                found.add(t);
            }
            return found;
        }
        if (which != PRIO_PGRP && which != PRIO_USER) {
            return null;
        }
        long id = who != 0 ? who : which == PRIO_PGRP ? caller.pgid() : caller.uid();
        for (Process t : c.processes().all()) {
            long key = which == PRIO_PGRP ? t.pgid() : t.uid();
            if (key == id && t.state() != ProcessState.ZOMBIE) {
                found.add(t);
            }
        }
        return found;
    }
}
