package osbox.kernel.core.proc;

/**
 * What happens to a thread's user-visible state when it lets go of its
 * memory (exit, a fatal signal, execve): the futex mechanism's release of
 * its robust futexes and clear_child_tid word. The kernel wires it (the
 * futex package depends on this one, not the other way round).
 */
@FunctionalInterface
public interface ThreadEnd {
    /** Thread t lets go of its memory image; its address space is still there. */
    void released(Process t);
}
