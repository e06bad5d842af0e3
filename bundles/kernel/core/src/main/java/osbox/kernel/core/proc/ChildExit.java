package osbox.kernel.core.proc;

import osbox.api.kernel.WaitHolder;
import osbox.api.kernel.WaitResource;

/**
 * What a parent blocked in wait4 waits for, as the wait-for graph sees it:
 * the exit (or stop) of one of its children that wait4's pid argument
 * names; held by each such child.
 *
 * @param table  the process table (to find a holder's parent and group)
 * @param parent the waiting parent's pid
 * @param pid    the child asked for, or 0 for any child (of {@code group} when that is not 0)
 * @param group  the process group asked for, or 0
 */
record ChildExit(ProcessTable table, int parent, int pid, int group) implements WaitResource {
    @Override
    public String describe() {
        return pid > 0 ? "the exit of child " + pid
                : group != 0 ? "the exit of a child in group " + group : "the exit of a child of pid " + parent;
    }

    @Override
    public boolean heldBy(WaitHolder holder) {
        Process c = table.get(holder.pid());
        return c != null && c.ppid() == parent && (pid <= 0 || c.pid() == pid) && (group == 0 || c.pgid() == group);
    }
}
