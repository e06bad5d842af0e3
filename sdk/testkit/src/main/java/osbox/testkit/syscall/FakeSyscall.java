package osbox.testkit.syscall;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.UserMemory;
import osbox.api.kernel.WaitQueue;

/**
 * A system call as a handler sees it, for tests: its number and
 * arguments, a caller (pid and CPU time), the caller's memory, the hart and
 * the simulated clock, its effective uid and gid. Sleeping is recorded, not done: the test looks at
 * {@link #sleeps()} or {@link #sleepDeadline()} and calls the handler again
 * after {@link #wake()}, as the kernel would on the restart. Setters return
 * this so a call reads as one expression. Files a handler installs go to a
 * table of their own, descriptors from 3 up, never closed (since 1.1:
 * {@link #file}, {@link #openFlags}, {@link #setNonBlocking}).
 */
public final class FakeSyscall implements SyscallContext {
    private final UserMemory memory;
    private final long[] args = new long[6];
    private int number;
    private int pid = 1;
    private int euid;
    private int egid;
    private long cpuCycles;
    private int hart;
    private long now;
    private long frequencyHz = 1_000_000_000L;
    private boolean woken;
    private boolean nonBlocking;
    private final List<WaitQueue> sleeps = new ArrayList<>();
    private long sleepDeadline = -1;
    private final List<OpenFile> files = new ArrayList<>();
    private final List<Integer> flags = new ArrayList<>();

    /** A call from pid 1 on hart 0 at cycle 0 (1 GHz) over {@code memory}. */
    public FakeSyscall(UserMemory memory) {
        this.memory = memory;
    }

    /** Sets the call's number and its first arguments (the rest are 0). */
    public FakeSyscall call(int number, long... a) {
        if (a.length > 6) {
            throw new IllegalArgumentException("at most six arguments: " + a.length);
        }
        this.number = number;
        java.util.Arrays.fill(args, 0);
        System.arraycopy(a, 0, args, 0, a.length);
        return this;
    }

    /** The caller's pid and the CPU cycles it has used. */
    public FakeSyscall caller(int pid, long cpuCycles) {
        this.pid = pid;
        this.cpuCycles = cpuCycles;
        return this;
    }

    /** The caller's effective uid and gid (both 0, root, unless set). */
    public FakeSyscall credentials(int euid, int egid) {
        this.euid = euid;
        this.egid = egid;
        return this;
    }

    /** The hart, the simulated time in cycles, and cycles per second. */
    public FakeSyscall clock(int hart, long now, long frequencyHz) {
        this.hart = hart;
        this.now = now;
        this.frequencyHz = frequencyHz;
        return this;
    }

    /** The caller was woken: the next invocation is the restart of the call that slept. */
    public FakeSyscall wake() {
        woken = true;
        return this;
    }

    /** The queues the handler put the caller to sleep on, in order. */
    public List<WaitQueue> sleeps() {
        return sleeps;
    }

    /** The deadline of the last timed sleep, or -1. */
    public long sleepDeadline() {
        return sleepDeadline;
    }

    @Override public int number() { return number; }

    @Override
    public long arg(int i) {
        if (i < 0 || i > 5) {
            throw new IllegalArgumentException("syscall argument index " + i);
        }
        return args[i];
    }

    @Override public ProcessView process() { return new Caller(); }
    @Override public UserMemory memory() { return memory; }
    @Override public int hart() { return hart; }
    @Override public long now() { return now; }
    @Override public long frequencyHz() { return frequencyHz; }
    @Override public boolean woken() { return woken; }
    @Override public boolean nonBlocking() { return nonBlocking; }

    /** Installs file at the next descriptor (3, 4, ...) with openFlags; never EMFILE. */
    @Override
    public long installFile(OpenFile file, int openFlags) {
        files.add(file);
        flags.add(openFlags);
        return files.size() + 2;
    }

    @Override
    public long installFile(OpenFile file, boolean closeOnExec) {
        return installFile(file, OpenFile.O_RDWR | (closeOnExec ? OpenFile.O_CLOEXEC : 0));
    }

    /** The file installed at fd, or null; the call then works on it (its O_NONBLOCK counts). */
    @Override
    public OpenFile file(long fd) {
        if (fd < 3 || fd >= files.size() + 3) {
            return null;
        }
        nonBlocking = (flags.get((int) fd - 3) & OpenFile.O_NONBLOCK) != 0;
        return files.get((int) fd - 3);
    }

    /** The open flags fd was installed with (O_NONBLOCK, O_CLOEXEC...); IndexOutOfBounds for others. */
    public int openFlags(long fd) {
        return flags.get((int) fd - 3);
    }

    /** The call works on a description with O_NONBLOCK set (on) or not: what {@link #nonBlocking()} answers. */
    public FakeSyscall setNonBlocking(boolean on) {
        nonBlocking = on;
        return this;
    }
    @Override public void sleepOn(WaitQueue queue) { sleeps.add(queue); }
    @Override public void sleepUntil(long deadline) { sleepDeadline = deadline; }

    /** Recorded as both: the queue joins {@link #sleeps()} and the deadline is {@link #sleepDeadline()}. */
    @Override
    public void sleepOnUntil(WaitQueue queue, long deadline) {
        sleeps.add(queue);
        sleepDeadline = deadline;
    }

    /** The caller as handlers see it: its pid and CPU time, running. */
    private final class Caller implements ProcessView {
        @Override public int pid() { return pid; }
        @Override public int ppid() { return 0; }
        @Override public String name() { return "caller"; }
        @Override public List<String> argv() { return List.of("caller"); }
        @Override public ProcessState state() { return ProcessState.RUNNING; }
        @Override public long createdAt() { return 0; }
        @Override public long firstRunAt() { return 0; }
        @Override public long exitedAt() { return -1; }
        @Override public long cpuCycles() { return cpuCycles; }
        @Override public long instructions() { return 0; }
        @Override public long syscalls() { return 0; }
        @Override public long voluntarySwitches() { return 0; }
        @Override public long involuntarySwitches() { return 0; }
        @Override public int waitStatus() { return -1; }
        @Override public String killReport() { return null; }
        @Override public int euid() { return euid; }
        @Override public int egid() { return egid; }
    }
}
