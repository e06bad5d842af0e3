package osbox.kernel.core.proc;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.MemoryUsage;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.UserMemory;
import osbox.api.memory.AddressSpace;
import osbox.kernel.core.files.FileTable;
import osbox.kernel.core.fs.Node;
import osbox.kernel.core.sched.KernelWaitQueue;

/**
 * The process as a container (Linux's thread group: its signal_struct, mm,
 * files_struct and fs_struct together): what every thread of one process
 * shares. Its tgid is the pid every thread's getpid answers; its threads
 * ({@link Process} objects, one per thread: the unit of execution the
 * dispatcher runs) are listed in the order they were made, the leader
 * first. A new process (spawn, fork) gets a new group; clone with
 * CLONE_THREAD adds a thread to the caller's.
 *
 * <p>Fields are package-private and written by the parts named beside
 * them; {@link Process} reads and writes them for its callers, so the rest
 * of the kernel sees one view of a thread and its process. Simulation
 * thread only.
 */
public final class ThreadGroup {
    /** The thread group id: the leader's tid, the process's pid. Changes only at execve from a thread (de_thread). */
    int tgid;
    /** The thread whose tid is the tgid; it stays (a zombie) until the last thread ends. */
    Process leader;
    /** Every thread not yet ended, oldest first (the leader stays listed until the group ends). */
    final List<Process> threads = new ArrayList<>();

    // ---- family: ProcessTable.create, ExitWait (re-parenting), setpgid, setsid ----
    int ppid;
    int pgid;
    int sid;
    List<String> argv;

    // ---- the end: the wait status exit_group or a fatal signal gave (-1: none yet; then the leader's exit);
    // the kill report with it; ExitWait sets both. ----
    int groupExitStatus = -1;
    int leaderExitStatus;
    String groupKillReport;
    /** CPU and fault usage of threads that ended (the group's rusage adds the live ones). */
    Rusage endedThreadsUsage = Rusage.NONE;

    // ---- shared with every thread: the address space (ForkExec), descriptors, place, limits, ids ----
    AddressSpace space;
    UserMemory memory;
    MemoryUsage earlierImages = MemoryUsage.NONE;
    FileTable files = new FileTable();
    Node cwd;
    Node exe;
    ResourceLimits limits = ResourceLimits.defaults(ProcessTable.PID_MAX, FileTable.MAX);
    int umask = 0022;
    Credentials credentials = new Credentials();
    boolean dumpable = true;
    boolean noNewPrivs;
    boolean keepCaps;

    // ---- wait4 and the children's usage (ExitWait) ----
    KernelWaitQueue<Process> childWait;
    Rusage exitUsage;
    Rusage childrenUsage = Rusage.NONE;
    int exitSignal = 17;

    /** The dispositions and job-control state every thread shares (CLONE_SIGHAND). */
    final SignalState.Shared signalShared;

    ThreadGroup(int tgid, SignalState.Shared signalShared) {
        this.tgid = tgid;
        this.signalShared = signalShared;
    }

    /** Its pid (the tgid). */
    public int tgid() {
        return tgid;
    }

    /** Its leader (the thread with tid == tgid). */
    public Process leader() {
        return leader;
    }

    /** Its threads not yet ended, oldest first (a copy). */
    public List<Process> threads() {
        return new ArrayList<>(threads);
    }

    /** Its threads still running or able to run (not zombies), oldest first. */
    public List<Process> liveThreads() {
        List<Process> live = new ArrayList<>();
        for (Process t : threads) {
            if (t.state() != ProcessState.ZOMBIE) {
                live.add(t);
            }
        }
        return live;
    }

    /** How many threads have not ended. */
    public int liveCount() {
        int n = 0;
        for (Process t : threads) {
            if (t.state() != ProcessState.ZOMBIE) {
                n++;
            }
        }
        return n;
    }
}
