package osbox.kernel.core.proc;

import osbox.kernel.core.sched.KernelWaitQueue;

/**
 * What happens when a thread lets go of its memory image, at execve and at
 * exit (Linux's mm_release): its futex state is released (the robust
 * list, and the clear_child_tid word set to 0 and woken: {@link ThreadEnd}),
 * and a parent suspended in vfork for it is let go. Simulation thread only.
 */
final class ImageRelease {
    /** Without futexes wired: the clear_child_tid word is only cleared. */
    static final ThreadEnd CLEAR_TID_ONLY = p -> {
        if (p.clearChildTid() != 0) {
            p.userMemory().writeInt(p.clearChildTid(), 0);
            p.setClearChildTid(0);
        }
    };

    private ImageRelease() {
    }

    /**
     * Releases p's image: {@code end} releases its futex state (a bad
     * pointer is ignored, as Linux ignores it), then the vfork parent
     * waiting for p (looked up in table), if any, wakes. Call before p's
     * address space is destroyed or replaced.
     */
    static void release(Process p, ProcessTable table, ThreadEnd end) {
        end.released(p);
        int waiting = p.vforkParent();
        if (waiting != 0) {
            p.setVforkParent(0);
            Process parent = table.get(waiting);
            KernelWaitQueue<Process> q = parent == null ? null : parent.vforkWait();
            if (q != null) {
                q.wakeAll();
            }
        }
    }
}
