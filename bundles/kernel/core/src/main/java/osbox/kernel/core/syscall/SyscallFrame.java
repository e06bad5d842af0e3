package osbox.kernel.core.syscall;

import osbox.api.hw.Hart;
import osbox.api.hw.HartContext;
import osbox.api.hw.Machine;
import osbox.api.kernel.Errno;
import osbox.api.kernel.FileHandle;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.UserMemory;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitQueue;
import osbox.api.kernel.WaitResource;
import osbox.api.memory.MemoryManager;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.files.HeldFile;
import osbox.kernel.core.files.OpenFiles;
import osbox.kernel.core.futex.Futexes;
import osbox.kernel.core.futex.PiFutexes;
import osbox.kernel.core.proc.ExitWait;
import osbox.kernel.core.proc.ForkExec;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ProcessTable;
import osbox.kernel.core.proc.SigInfo;
import osbox.kernel.core.proc.SignalState;
import osbox.kernel.core.proc.SignalDelivery;
import osbox.kernel.core.sched.Dispatcher;
import osbox.kernel.core.sched.KernelWaitQueue;
import osbox.kernel.core.waits.DeadlockDetector;

/**
 * The frame of the system call being served: who called (the process and
 * its hart), which call with which arguments, and the kernel's parts a call
 * may use (the process table, fork and exec, exit and wait, signals, open
 * files, the dispatcher). The kernel's own calls take it as it is;
 * handlers from other bundles see it as their {@link SyscallContext}. It
 * calls nothing back: each part is reached directly.
 *
 * <p>One frame per hart, reused for every call (no allocation per call),
 * bound by {@link #begin} when a call starts.
 */
public final class SyscallFrame implements SyscallContext {
    /**
     * The kernel's parts a call may reach, the same for every hart's frame.
     *
     * @param machine    the machine (its clock rate)
     * @param processes  every process by pid (getpgid, setpgid, setsid...)
     * @param forkExec   fork and execve
     * @param exits      exit and wait4
     * @param signals    kill, tkill, tgkill, SIGPIPE
     * @param files      naming open files, making pipes
     * @param dispatcher sleeping, waking, yielding
     * @param vm         the VM manager (sysinfo's memory figures)
     * @param futexes    who waits on which futex (futex, clone's thread words)
     * @param piFutexes  the priority-inheritance futexes (FUTEX_LOCK_PI...)
     * @param deadlocks  the wait-for graph and its detection policy (waits on pipes, children, IPC)
     */
    public record Parts(Machine machine, ProcessTable processes, ForkExec forkExec, ExitWait exits,
            SignalDelivery signals, OpenFiles files, Dispatcher<Process> dispatcher, MemoryManager vm,
            Futexes futexes, PiFutexes piFutexes, DeadlockDetector<Process> deadlocks) {
    }

    private final Parts parts;
    private Hart hart;
    private Process process;
    private int number;
    private boolean slept;
    private FileRef using;

    /** A frame for one hart, reaching {@code parts}. */
    public SyscallFrame(Parts parts) {
        this.parts = parts;
    }

    /** Binds the frame to a new call: number {@code number} made by {@code process} on {@code hart}. */
    public void begin(Hart hart, Process process, int number) {
        this.hart = hart;
        this.process = process;
        this.number = number;
        this.slept = false;
        this.using = null;
    }

    /** Whether the call put its caller to sleep (then it must answer RESTART). */
    public boolean slept() {
        return slept;
    }

    // ---- the caller ----

    /** The calling process's control block. */
    @Override
    public Process process() {
        return process;
    }

    /** The hart the call came from (the one the caller runs on). */
    public Hart callingHart() {
        return hart;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public long arg(int i) {
        if (i < 0 || i > 5) {
            throw new IllegalArgumentException("syscall argument index " + i);
        }
        return process.context().x[HartContext.A0 + i];
    }

    @Override
    public UserMemory memory() {
        return process.userMemory();
    }

    @Override
    public int hart() {
        return hart.id();
    }

    @Override
    public long now() {
        return hart.cycle();
    }

    @Override
    public long frequencyHz() {
        return parts.machine().frequencyHz();
    }

    @Override
    public boolean woken() {
        return process.sched().woken();
    }

    /**
     * Puts the caller to sleep on {@code queue}, which must be one of this
     * kernel's (IllegalArgumentException otherwise: a bug in the handler).
     */
    @Override
    public void sleepOn(WaitQueue queue) {
        KernelWaitQueue<Process> q = parts.dispatcher().own(queue);
        if (q == null) {
            throw new IllegalArgumentException("wait queue not made by this kernel: " + queue);
        }
        slept = true;
        parts.dispatcher().sleepOn(hart, process, q);
    }

    /**
     * Puts the caller to sleep on {@code queue} (one of this kernel's) as an
     * edge of the wait-for graph: the detector looks for a deadlock first,
     * and its policy may refuse the wait (-EDEADLK, no sleep) or, once the
     * caller sleeps, kill a victim.
     */
    @Override
    public long waitFor(WaitQueue queue, WaitResource resource) {
        KernelWaitQueue<Process> q = parts.dispatcher().own(queue);
        if (q == null) {
            throw new IllegalArgumentException("wait queue not made by this kernel: " + queue);
        }
        if (!parts.deadlocks().waitBegins(process, resource, hart.id(), hart.cycle())) {
            return -Errno.EDEADLK;
        }
        slept = true;
        parts.dispatcher().sleepOn(hart, process, q);
        parts.deadlocks().afterSleep();
        return SyscallHandler.RESTART;
    }

    /**
     * Puts the caller to sleep on {@code queue} (one of this kernel's) until
     * simulated cycle {@code deadline} (Long.MAX_VALUE: none), whichever
     * comes first; the handler then answers RESTART.
     */
    @Override
    public void sleepOnUntil(WaitQueue queue, long deadline) {
        KernelWaitQueue<Process> q = parts.dispatcher().own(queue);
        if (q == null) {
            throw new IllegalArgumentException("wait queue not made by this kernel: " + queue);
        }
        slept = true;
        parts.dispatcher().sleepOnUntil(hart, process, q, deadline);
    }

    @Override
    public void sleepUntil(long deadline) {
        slept = true;
        parts.dispatcher().sleepUntil(hart, process, deadline);
    }

    /**
     * Installs a handler's open file at the caller's lowest free descriptor
     * (named by the kernel like its own files): the descriptor, or -EMFILE
     * after releasing the file.
     */
    @Override
    public long installFile(OpenFile file, boolean closeOnExec) {
        return installFile(file, OpenFile.O_RDWR | (closeOnExec ? OpenFile.O_CLOEXEC : 0));
    }

    /**
     * Installs a handler's open file as a new description with the access
     * mode and status flags of openFlags (O_CLOEXEC for the descriptor): the
     * descriptor, or -EMFILE after releasing the file.
     */
    @Override
    public long installFile(OpenFile file, int openFlags) {
        if (file == null) {
            throw new IllegalArgumentException("null open file");
        }
        int fd = process.files().install(parts.files().wrap(file, openFlags), 0,
                (openFlags & OpenFile.O_CLOEXEC) != 0);
        if (fd < 0) {
            file.release();
        }
        return fd;
    }

    /** The caller's open file at fd, or null; the call then works on that description ({@link #nonBlocking}). */
    @Override
    public OpenFile file(long fd) {
        FileRef f = process.files().get(fd);
        if (f == null) {
            return null;
        }
        using = f;
        return f.file;
    }

    /** The call reads or writes the description f from here on (its O_NONBLOCK counts); returns f. */
    public FileRef using(FileRef f) {
        using = f;
        return f;
    }

    /** Whether the description the call works on has O_NONBLOCK (false before it names one). */
    @Override
    public boolean nonBlocking() {
        return using != null && using.nonBlocking();
    }

    /** One more reference to the description behind fd, held outside the tables (SCM_RIGHTS); null if not open. */
    @Override
    public FileHandle hold(long fd) {
        FileRef f = process.files().get(fd);
        return f == null ? null : new HeldFile(f);
    }

    /** Installs the very description a handle holds (from this kernel) at the lowest free descriptor, or -EMFILE. */
    @Override
    public long installFile(FileHandle handle, boolean closeOnExec) {
        if (!(handle instanceof HeldFile held)) {
            throw new IllegalArgumentException("file handle not made by this kernel: " + handle);
        }
        return process.files().install(held.ref(), 0, closeOnExec);
    }

    /** close(2) of the caller's fd: 0 or -EBADF. */
    @Override
    public long closeFile(long fd) {
        return process.files().close(fd);
    }

    /**
     * POSIX has a write that answers EPIPE raise SIGPIPE (a pipe no one
     * reads, a broken socket): its default action kills the caller, whose
     * call still answers EPIPE; handled or ignored, the caller sees EPIPE.
     */
    @Override
    public void raiseSigpipe() {
        if (process.state() != ProcessState.ZOMBIE) {
            parts.signals().post(process, SigInfo.user(Signals.SIGPIPE, SigInfo.SI_USER, process.pid()),
                    "write to a pipe with no readers");
        }
    }

    /** sizeof(sigset_t) on riscv64: what the sigsetsize argument must be. */
    public static final long SIGSET_SIZE = 8;

    /**
     * Puts a waiting call's signal mask in place (the first run of the call;
     * restarts keep it), as Linux's set_user_sigmask: 0, -EINVAL for a
     * sigsetsize other than 8, -EFAULT.
     */
    @Override
    public long replaceSigmask(long sigmask, long sigsetsize) {
        if (sigmask == 0) {
            return 0;
        }
        if (sigsetsize != SIGSET_SIZE) {
            return -Errno.EINVAL;
        }
        long[] mask = new long[1];
        if (!memory().readLong(sigmask, mask)) {
            return -Errno.EFAULT;
        }
        SignalState s = process.signals();
        if (!s.suspended()) {
            s.suspend(mask[0]);
        }
        return 0;
    }

    /** The waiting call returns: the mask it replaced comes back (nothing when none was replaced). */
    @Override
    public void restoreSigmask() {
        process.signals().endSuspend();
    }

    // ---- the kernel's parts ----

    /** Every process by pid. */
    public ProcessTable processes() {
        return parts.processes();
    }

    /** fork and execve. */
    public ForkExec forkExec() {
        return parts.forkExec();
    }

    /** exit and wait4. */
    public ExitWait exits() {
        return parts.exits();
    }

    /** Signals and their default actions. */
    public SignalDelivery signals() {
        return parts.signals();
    }

    /** Naming open files, making pipes. */
    public OpenFiles files() {
        return parts.files();
    }

    /** The dispatcher (sched_yield). */
    public Dispatcher<Process> dispatcher() {
        return parts.dispatcher();
    }

    /** The futex mechanism. */
    public Futexes futexes() {
        return parts.futexes();
    }

    /** The priority-inheritance futexes. */
    public PiFutexes piFutexes() {
        return parts.piFutexes();
    }

    /** The VM manager: physical frames and swap (sysinfo). */
    public MemoryManager vm() {
        return parts.vm();
    }
}
