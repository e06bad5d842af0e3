package osbox.kernel.core.calls;

import osbox.api.hw.HartContext;
import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * clone(flags, stack, parent_tid, tls, child_tid) as fork and vfork, the
 * way glibc's fork() (CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID|SIGCHLD) and
 * vfork() (CLONE_VM|CLONE_VFORK|SIGCHLD) call it:
 * <ul>
 * <li>flags are the register's lower 32 bits; the low byte is the signal the parent gets when the child ends (0..64;
 *     beyond: EINVAL);</li>
 * <li>a nonzero stack becomes the child's sp; CLONE_SETTLS sets its tp;</li>
 * <li>CLONE_PARENT_SETTID stores the child's tid at parent_tid in the parent,
 *     CLONE_CHILD_SETTID at child_tid in the child (failures ignored, as
 *     Linux ignores them); CLONE_CHILD_CLEARTID makes the child clear that
 *     word at exit or execve (set_tid_address's word);</li>
 * <li>CLONE_VFORK suspends the parent until the child execs or ends. The
 *     memory is copied (copy-on-write) even with CLONE_VM: what the child
 *     writes before its execve is not seen by the parent;</li>
 * <li>a thread, as glibc's pthread_create asks for it (CLONE_VM, FS, FILES,
 *     SIGHAND, THREAD, SYSVSEM, SETTLS, PARENT_SETTID, CHILD_CLEARTID): a
 *     new thread of the caller's process sharing everything it holds, on
 *     the given stack with the given TLS; the call answers its tid. The
 *     exit signal is ignored for a thread, as on Linux;</li>
 * <li>partial sharing (CLONE_VM, CLONE_SIGHAND, CLONE_FILES or CLONE_FS
 *     without a whole thread; a thread without CLONE_FILES and CLONE_FS),
 *     CLONE_PARENT, CLONE_PIDFD and namespaces answer ENOSYS; combinations
 *     Linux refuses answer EINVAL first.</li>
 * </ul>
 */
public final class CloneCall implements KernelSyscall {
    static final long CSIGNAL = 0xff, CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400,
            CLONE_SIGHAND = 0x800, CLONE_PIDFD = 0x1000, CLONE_PTRACE = 0x2000, CLONE_VFORK = 0x4000,
            CLONE_PARENT = 0x8000, CLONE_THREAD = 0x10000, CLONE_NEWNS = 0x20000, CLONE_SYSVSEM = 0x40000,
            CLONE_SETTLS = 0x80000, CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000,
            CLONE_DETACHED = 0x400000, CLONE_UNTRACED = 0x800000, CLONE_CHILD_SETTID = 0x1000000,
            CLONE_NEWTIME = 0x80, CLONE_NEWUSER = 0x10000000, CLONE_NEWPID = 0x20000000;
    /** The flags served: fork, vfork and their tid words; ptrace, SysV semaphores and CLONE_DETACHED change nothing here. */
    static final long SERVED = CSIGNAL | CLONE_VM | CLONE_VFORK | CLONE_SETTLS | CLONE_PARENT_SETTID
            | CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | CLONE_PTRACE | CLONE_UNTRACED | CLONE_SYSVSEM
            | CLONE_DETACHED;
    /** What a thread shares with its process: all of it, as pthread_create asks. */
    static final long THREAD = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD;
    static final int NSIG = 64;

    @Override
    public long invoke(SyscallFrame c) {
        Process parent = c.process();
        if (c.woken() && parent.vforkWait() != null) {
            return vforkDone(c, parent);
        }
        long flags = c.arg(0) & 0xffff_ffffL; // as Linux's sys_clone: the lower 32 bits
        long refused = refusal(flags);
        if (refused != 0) {
            return refused;
        }
        if ((flags & CLONE_THREAD) != 0) {
            return thread(c, parent, flags);
        }
        long pid = c.forkExec().fork(parent);
        if (pid < 0) {
            return pid;
        }
        Process child = c.processes().get((int) pid);
        child.setExitSignal((int) (flags & CSIGNAL));
        HartContext regs = child.context();
        if (c.arg(1) != 0) {
            regs.x[HartContext.SP] = c.arg(1);
        }
        if ((flags & CLONE_SETTLS) != 0) {
            regs.x[HartContext.TP] = c.arg(3);
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            parent.userMemory().writeInt(c.arg(2), (int) pid);
        }
        if ((flags & CLONE_CHILD_SETTID) != 0) {
            child.userMemory().writeInt(c.arg(4), (int) pid);
        }
        if ((flags & CLONE_CHILD_CLEARTID) != 0) {
            child.setClearChildTid(c.arg(4));
        }
        if ((flags & CLONE_VFORK) == 0) {
            return pid;
        }
        if (parent.vforkWait() == null) {
            parent.setVforkWait(c.dispatcher().newWaitQueue("vfork of pid " + parent.pid()));
        }
        child.setVforkParent(parent.pid());
        parent.setVforkChild((int) pid);
        c.sleepOn(parent.vforkWait());
        return RESTART;
    }

    // A new thread of the caller's process: its stack, TLS and tid words as the flags ask; it runs from
    // the instruction after the ecall with a0 = 0, and the caller gets its tid.
    private static long thread(SyscallFrame c, Process parent, long flags) {
        Process t = c.forkExec().thread(parent);
        if (t == null) {
            return -Errno.EAGAIN;
        }
        HartContext regs = t.context();
        if (c.arg(1) != 0) {
            regs.x[HartContext.SP] = c.arg(1);
        }
        if ((flags & CLONE_SETTLS) != 0) {
            regs.x[HartContext.TP] = c.arg(3);
        }
        int tid = t.tid();
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            parent.userMemory().writeInt(c.arg(2), tid);
        }
        if ((flags & CLONE_CHILD_SETTID) != 0) {
            t.userMemory().writeInt(c.arg(4), tid);
        }
        if ((flags & CLONE_CHILD_CLEARTID) != 0) {
            t.setClearChildTid(c.arg(4));
        }
        c.forkExec().startThread(t);
        return tid;
    }

    // The restart of a vfork: the child's pid once it has exec'd or ended; asleep again before that
    // (a wake-up for another reason does not end the wait: Linux's vfork wait is only killable).
    private static long vforkDone(SyscallFrame c, Process parent) {
        int pid = parent.vforkChild();
        Process child = c.processes().get(pid);
        if (child != null && child.vforkParent() == parent.pid()) {
            c.sleepOn(parent.vforkWait());
            return RESTART;
        }
        parent.setVforkChild(0);
        return pid;
    }

    // Linux's checks in copy_process, in its order (EINVAL), then what osbox does not do yet (ENOSYS); 0: served.
    private static long refusal(long flags) {
        if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS)
                || (flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS)
                || ((flags & CLONE_THREAD) != 0 && (flags & CLONE_SIGHAND) == 0)
                || ((flags & CLONE_SIGHAND) != 0 && (flags & CLONE_VM) == 0)
                || ((flags & CLONE_PIDFD) != 0 && (flags & CLONE_DETACHED) != 0)
                || ((flags & CLONE_THREAD) == 0 && (flags & CSIGNAL) > NSIG)) {
            return -Errno.EINVAL;
        }
        if ((flags & CLONE_THREAD) != 0) {
            return (flags & THREAD) != THREAD || (flags & (CLONE_VFORK | CLONE_PARENT)) != 0
                    || (flags & ~(SERVED | THREAD)) != 0 ? -Errno.ENOSYS : 0;
        }
        if ((flags & CLONE_VM) != 0 && (flags & CLONE_VFORK) == 0) {
            return -Errno.ENOSYS;
        }
        return (flags & ~SERVED) != 0 ? -Errno.ENOSYS : 0;
    }
}
