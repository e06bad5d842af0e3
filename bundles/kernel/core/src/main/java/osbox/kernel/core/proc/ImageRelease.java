package osbox.kernel.core.proc;

import osbox.kernel.core.sched.KernelWaitQueue;

/**
 * What happens when a process lets go of its memory image, at execve and at
 * exit (Linux's mm_release): the clear_child_tid word (set_tid_address,
 * CLONE_CHILD_CLEARTID) is set to 0, and a parent suspended in vfork for
 * this process is let go. Simulation thread only.
 */
final class ImageRelease {
    private ImageRelease() {
    }

    /**
     * Releases p's image: writes 0 to its clear_child_tid word (if any; a
     * bad pointer is ignored, as Linux ignores it) and forgets the pointer,
     * then wakes the vfork parent waiting for p (looked up in table), if
     * any. Call before p's address space is destroyed or replaced.
     *
     * <p>Linux also wakes a futex at that word; osbox has no futexes yet (issue
     * 11), and while no other thread shares the memory, nothing can see the
     * word change (Linux itself writes it only when the memory is shared).
     */
    static void release(Process p, ProcessTable table) {
        if (p.clearChildTid() != 0) {
            p.userMemory().writeInt(p.clearChildTid(), 0);
            p.setClearChildTid(0);
        }
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
