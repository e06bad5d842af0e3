package osbox.kernel.core.proc;

import java.util.List;
import osbox.api.hw.HartContext;
import osbox.api.kernel.MemoryUsage;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.UserMemory;
import osbox.api.kernel.WaitHolder;
import osbox.api.memory.AddressSpace;
import osbox.api.sched.TaskAttributes;
import osbox.kernel.core.files.FileTable;
import osbox.kernel.core.fs.Caller;
import osbox.kernel.core.fs.Node;
import osbox.kernel.core.sched.KernelWaitQueue;
import osbox.kernel.core.sched.SchedEntity;
import osbox.kernel.core.sched.Task;
import osbox.kernel.core.strace.Traced;

/**
 * One thread: the unit of execution, the task the dispatcher and every
 * scheduling policy run (Linux's task_struct). What it has of its own: its
 * tid, registers (FP included), state, signal mask and thread-directed
 * pending signals, alternate stack, clear_child_tid and robust-list head,
 * scheduling entity and CPU accounting. What it shares with the other
 * threads of its process (address space, descriptors, working directory,
 * dispositions, credentials, limits, children, the pid = tgid) is in its
 * {@link ThreadGroup}, the process as container; the getters here reach it,
 * so a caller asks a thread for its process's files as it asks for its own
 * registers. A process of one thread is one Process and its group.
 *
 * <p>Fields are grouped by who writes them, as xv6 groups {@code struct
 * proc} by the lock that guards each field; every write happens on the
 * simulation thread. Everyone else reads it through {@link ProcessView}
 * (reports, listeners) or the getters.
 */
public final class Process implements ProcessView, Task, Caller, WaitHolder {
    // ---- identity. tid: ProcessTable.create and createThread (execve from a thread takes the tgid).
    // group: the process it belongs to. name (comm): ProcessTable, ForkExec.exec, prctl PR_SET_NAME. ----
    private int tid;
    private final ThreadGroup group;
    private String name;

    // ---- lifecycle. state: the dispatcher (NEW -> READY <-> RUNNING <-> BLOCKED) and
    // ProcessTable.zombify (-> ZOMBIE, final). exitedAt, waitStatus, killReport: ProcessTable.zombify.
    // clearChildTid: set_tid_address and clone's CLONE_CHILD_CLEARTID. ----
    private ProcessState state = ProcessState.NEW;
    private final long createdAt;
    long exitedAt = -1;
    int waitStatus = -1;
    String killReport;
    private long clearChildTid;
    // robustList, robustListLength: set_robust_list (not inherited: a new thread or child starts with none).
    private long robustList;
    private long robustListLength;

    // ---- vfork (CloneCall, ImageRelease) and the parent-death signal (prctl): per thread, as on Linux.
    // pollWait: the poll calls (made on the first); ExitWait drops its watches. ----
    private int vforkParent;
    private int vforkChild;
    private KernelWaitQueue<Process> vforkWait;
    private int pdeathSig;
    private PollWait pollWait;

    // ---- registers: ForkExec (spawn, fork, execve) and CloneCall (a new thread) ----
    private HartContext context;

    // ---- scheduling. The attributes policies see: ForkExec at spawn and fork, CloneCall for a thread.
    // The entity (hart, sleeps, bursts, CPU accounting): written only by the dispatcher. ----
    private int nice;
    // ioprio_set(2)'s value (class << 13 | level), 0 when never set; inherited by fork and clone, kept by execve
    private int ioPriority;
    private int priority;
    /** The priority PI futex waiters lend it (Integer.MAX_VALUE: none); PiFutexes sets it. */
    private int lentPriority = Integer.MAX_VALUE;
    private int tickets = 100;
    // schedPolicy, rtPriority, resetOnFork: Linux's scheduling class of the thread (SCHED_OTHER 0, ...),
    // its real-time priority (1..99, 0 for the others) and SCHED_RESET_ON_FORK; the sched calls set them
    // through setScheduling, which puts the static priority above on Linux's prio scale (SchedClass).
    private int schedPolicy;
    private int rtPriority;
    private boolean resetOnFork;
    private long lengthHint = -1;
    private long burstHint = -1;
    private final SchedEntity sched = new SchedEntity();

    // ---- accounting: system calls counted by the system-call trap (CPU time is in the entity). ----
    private long syscalls;

    // ---- a kill the OOM killer chose this thread's process for while its own system call needed
    // memory; set by OomKiller, carried out (and cleared) by OomKiller when the call returns. ----
    private boolean oomKillPending;
    // signalState: its mask, pending signals and alternate stack, and (shared with its group) the
    // dispositions (SignalDelivery and the signal calls write it; ForkExec and CloneCall make it).
    private SignalState signalState;

    // ---- futex: the futex this thread waits on, or null (the futex package sets and clears it). ----
    private Object futexWait;

    // ---- strace: null when not traced (the one test the system-call path makes); set by the kernel's
    // tracing control (KernelCore.trace), inherited at fork when its log follows forks (ForkExec). ----
    private Traced traced;

    // ProcessTable: a thread tid of group, which it leads when the group is new.
    Process(int tid, ThreadGroup group, String name, long createdAt) {
        this.tid = tid;
        this.group = group;
        this.name = name;
        this.createdAt = createdAt;
        this.signalState = new SignalState(group.signalShared);
    }

    // ---- what everyone may read ----

    /** Its process id: the thread group id, the same for every thread of the process. */
    @Override public int pid() { return group.tgid; }
    /** Its thread id (the pid for the process's first thread). */
    @Override public int tid() { return tid; }
    @Override public int ppid() { return group.ppid; }
    @Override public String name() { return name; }
    @Override public List<String> argv() { return group.argv; }
    @Override public ProcessState state() { return state; }
    @Override public long createdAt() { return createdAt; }
    @Override public long firstRunAt() { return sched.firstRunAt(); }
    @Override public long exitedAt() { return exitedAt; }
    @Override public long cpuCycles() { return sched.cpuCycles(); }
    @Override public long instructions() { return sched.instructions(); }
    @Override public long syscalls() { return syscalls; }
    @Override public long voluntarySwitches() { return sched.voluntarySwitches(); }
    @Override public long involuntarySwitches() { return sched.involuntarySwitches(); }
    @Override public int waitStatus() { return waitStatus; }
    @Override public String killReport() { return killReport; }
    /** The task id the dispatcher and policies know it by: its tid. */
    @Override public int id() { return tid; }
    @Override public int nice() { return nice; }

    /** Its I/O priority (ioprio_set's encoding), 0 when none was set: what its block I/Os carry. */
    @Override public int ioPriority() { return ioPriority; }

    /** ioprio_set: the caller checked the class and level. */
    public void setIoPriority(int ioPriority) { this.ioPriority = ioPriority; }
    /** Its priority: its own, or the better one a priority-inheritance futex's waiter lends it. */
    @Override public int priority() { return Math.min(priority, lentPriority); }
    @Override public int tickets() { return tickets; }
    @Override public long arrival() { return createdAt; }
    @Override public long lengthHint() { return lengthHint; }
    @Override public long burstHint() { return burstHint; }
    @Override public long runtime() { return sched.cpuCycles(); }
    @Override public long lastBurst() { return sched.lastBurst(); }
    @Override public int lastHart() { return sched.lastHart(); }
    @Override public SchedEntity sched() { return sched; }
    @Override public HartContext context() { return context; }
    @Override public AddressSpace space() { return group.space; }

    /** The process it is a thread of. */
    public ThreadGroup group() { return group; }

    /** Whether it is its process's leader (tid == pid). */
    public boolean isLeader() { return group.leader == this; }

    /** Its process group. */
    @Override public int pgid() { return group.pgid; }

    /** Its session. */
    @Override public int sid() { return group.sid; }

    /** Its memory as system calls reach it (copies checked through its page table, the OOM killer behind). */
    public UserMemory userMemory() { return group.memory; }

    /** Its process's file descriptors. */
    public FileTable files() { return group.files; }

    /** Whether its process's descriptor table holds {@code file} (the deadlock detector asks). */
    @Override
    public boolean holdsFile(osbox.api.kernel.OpenFile file) {
        FileTable table = group.files;
        return table != null && table.holds(file);
    }

    /** Its process's working directory. */
    @Override
    public Node cwd() { return group.cwd; }

    /** The file of the program it runs (/proc/self/exe). */
    @Override
    public Node exe() { return group.exe; }

    /** chdir, fchdir: a new working directory for the process (the call checked it is a directory). */
    public void setCwd(Node dir) {
        group.cwd = dir;
    }

    /** Its process's resource limits (getrlimit). */
    public ResourceLimits limits() { return group.limits; }

    /** Its signal state (its mask, pending signals and alternate stack; the shared dispositions). */
    public SignalState signals() { return signalState; }

    /** Whether sig is blocked or ignored here (the terminal's SIGTTIN/SIGTTOU rules). */
    @Override
    public boolean blocksOrIgnores(int sig) {
        return signalState.handler(sig) == SignalState.SIG_IGN || (signalState.blocked() & SignalState.bit(sig)) != 0;
    }

    /** Whether gid is its effective or a supplementary group. */
    @Override
    public boolean inGroup(int gid) {
        if (gid == egid()) {
            return true;
        }
        for (int g : group.credentials.groups()) {
            if (g == gid) {
                return true;
            }
        }
        return false;
    }

    /** The queue its process sleeps on in wait4, or null before it first waits. */
    KernelWaitQueue<Process> childWait() { return group.childWait; }

    /** set_tid_address's pointer (0: none). */
    public long clearChildTid() { return clearChildTid; }

    /** Whether the OOM killer left a kill for the return of its system call. */
    boolean oomKillPending() { return oomKillPending; }

    /**
     * Its process's memory now: the current address space's pages, and its
     * fault and paging counters added to those of the images it ran before
     * (execve), and the TLB accesses and misses of every stretch this thread
     * ran, charged when it was switched out (the current stretch is not
     * counted yet). Simulation thread.
     */
    @Override
    public MemoryUsage memory() {
        AddressSpace s = group.space;
        MemoryUsage e = group.earlierImages;
        long tlbAccesses = sched.tlbAccesses();
        long tlbMisses = sched.tlbMisses();
        if (s == null) {
            return new MemoryUsage(e.residentPages(), e.peakResidentPages(), e.swappedPages(), e.tablePages(),
                    e.minorFaults(), e.imageFaults(), e.majorFaults(), e.cowFaults(), e.cowCopies(), e.pageIns(),
                    e.pageOuts(), tlbAccesses, tlbMisses);
        }
        return new MemoryUsage(s.residentPages(), Math.max(e.peakResidentPages(), s.peakResidentPages()),
                s.swappedPages(), s.tablePages(), e.minorFaults() + s.minorFaults(),
                e.imageFaults() + s.imageFaults(), e.majorFaults() + s.majorFaults(),
                e.cowFaults() + s.cowFaults(), e.cowCopies() + s.cowCopies(), e.pageIns() + s.majorFaults(),
                e.pageOuts() + s.pageOuts(), tlbAccesses, tlbMisses);
    }

    // ---- writes, each by the owner its group names ----

    /** The dispatcher (and ProcessTable.zombify) move the state; ZOMBIE is final. */
    @Override
    public void setState(ProcessState s) {
        if (state == ProcessState.ZOMBIE) {
            throw new IllegalStateException("tid " + tid + " is a zombie; cannot become " + s);
        }
        state = s;
    }

    /** setpgid: moves its process to process group pgid (the call checked Linux's rules). */
    public void setPgid(int pgid) {
        group.pgid = pgid;
    }

    /** setsid: makes its process the leader of a new session and of a new process group, both its pid. */
    public void newSession() {
        group.sid = group.tgid;
        group.pgid = group.tgid;
    }

    /** set_tid_address: remembers the pointer cleared at exit. */
    public void setClearChildTid(long address) {
        clearChildTid = address;
    }

    /** set_robust_list: remembers the head of the caller's robust futex list and its length. */
    public void setRobustList(long head, long length) {
        robustList = head;
        robustListLength = length;
    }

    /** The robust futex list head set_robust_list remembered (0: none). */
    public long robustList() { return robustList; }

    /** The length set_robust_list was given with {@link #robustList()}. */
    public long robustListLength() { return robustListLength; }

    /** The file mode creation mask (permission bits only). */
    @Override public int umask() { return group.umask; }

    /** umask: sets the mask to the permission bits of {@code mask}; returns the previous mask. */
    public int setUmask(int mask) {
        int old = group.umask;
        group.umask = mask & 0777;
        return old;
    }

    /** PiFutexes: the best priority its PI waiters lend it (Integer.MAX_VALUE: none). */
    public void setLentPriority(int p) { lentPriority = p; }

    /** Its own static priority, without what PI waiters lend it (sched_getattr, reports). */
    public int ownPriority() { return priority; }

    /** Linux's scheduling policy of this thread (SCHED_OTHER 0, FIFO 1, RR 2, BATCH 3, IDLE 5). */
    public int schedPolicy() { return schedPolicy; }

    /** Its real-time priority: 1..99 under SCHED_FIFO and SCHED_RR, 0 otherwise. */
    public int rtPriority() { return rtPriority; }

    /** Whether SCHED_RESET_ON_FORK is set: its children and threads start at the default policy. */
    public boolean resetOnFork() { return resetOnFork; }

    /**
     * The sched and nice calls: a new policy, real-time priority, reset-on-fork
     * flag, nice and static priority (the caller validated them and computed
     * the priority, SchedClass.priorityOf). The dispatcher must be told
     * (priorityChanged) so a queued thread is filed under the new priority.
     */
    public void setScheduling(int policy, int rtPrio, boolean resetOnFork, int nice, int staticPriority) {
        if (nice < -20 || nice > 19 || staticPriority < 0 || staticPriority > 139 || rtPrio < 0 || rtPrio > 99) {
            throw new IllegalArgumentException("bad scheduling attributes: nice " + nice + ", priority "
                    + staticPriority + ", rt priority " + rtPrio);
        }
        this.schedPolicy = policy;
        this.rtPriority = rtPrio;
        this.resetOnFork = resetOnFork;
        this.nice = nice;
        this.priority = staticPriority;
    }

    /** The futex it waits on (the futex package's waiter), or null. */
    public Object futexWait() { return futexWait; }

    /** The futex package: the futex it now waits on (null: it stopped waiting). */
    public void setFutexWait(Object waiter) { futexWait = waiter; }

    /** Its strace state, or null when it is not traced. */
    public Traced traced() { return traced; }

    /** Turns strace on ({@code t}) or off (null) for it. */
    public void setTraced(Traced t) {
        traced = t;
    }

    /** The system-call trap counts one call. */
    public void countSyscall() {
        syscalls++;
    }

    // ForkExec: gives its process an image (spawn, fork, execve): address space and the memory over it;
    // and this thread its registers.
    void setImage(HartContext context, AddressSpace space, UserMemory memory) {
        this.context = context;
        group.space = space;
        group.memory = memory;
    }

    // CloneCall (through ForkExec.thread): a new thread's registers.
    void setContext(HartContext context) {
        this.context = context;
    }

    // ForkExec: its process's place in the namespace (spawn, fork, execve).
    void setPlace(Node cwd, Node exe) {
        group.cwd = cwd;
        group.exe = exe;
    }

    // ForkExec (fork): the child's descriptors, a copy of the parent's.
    void setFiles(FileTable files) {
        group.files = files;
    }

    // ForkExec (spawn, fork): its resource limits; the descriptor table follows RLIMIT_NOFILE.
    void setLimits(ResourceLimits l) {
        group.limits = l;
        group.files.setLimit((int) l.softAtMost(ResourceLimits.RLIMIT_NOFILE, FileTable.MAX));
    }

    // ForkExec (fork, thread): its signal state.
    void setSignals(SignalState s) {
        signalState = s;
    }

    // ExitWait: re-parents its process (its parent ended).
    void setParent(int ppid) {
        group.ppid = ppid;
    }

    // ExitWait: the queue its process waits for its children on.
    void setChildWait(KernelWaitQueue<Process> q) {
        group.childWait = q;
    }

    // OomKiller: marks (or clears) a kill left for the return of its system call.
    void setOomKillPending(boolean pending) {
        oomKillPending = pending;
    }

    // ForkExec.exec, before it replaces the address space: the fault and paging counters (and the peak)
    // of the image it leaves carry over to the new one; its pages do not.
    void keepMemoryCounters() {
        MemoryUsage now = memory();
        group.earlierImages = new MemoryUsage(0, now.peakResidentPages(), 0, 0, now.minorFaults(),
                now.imageFaults(), now.majorFaults(), now.cowFaults(), now.cowCopies(), now.pageIns(),
                now.pageOuts(), 0, 0);
    }

    // ForkExec.exec: the process now runs another program under this name and argument vector.
    void rename(String name, List<String> argv) {
        this.name = name;
        group.argv = List.copyOf(argv);
    }

    // ForkExec.exec from a thread (de_thread): it takes the process's pid as its tid.
    void setTid(int tid) {
        this.tid = tid;
    }

    // ForkExec (spawn): what scheduling policies see of it.
    void setAttributes(TaskAttributes a) {
        nice = a.nice();
        priority = a.priority();
        tickets = a.tickets();
        lengthHint = a.lengthHint();
        burstHint = a.burstHint();
    }

    // ForkExec (fork): the child gets the parent's nice, priority and tickets (hints are the parent's own),
    // and a copy of its umask, prctl flags and credentials.
    void inheritAttributes(Process parent) {
        inheritScheduling(parent);
        group.umask = parent.group.umask;
        group.dumpable = parent.group.dumpable;
        group.noNewPrivs = parent.group.noNewPrivs;
        group.keepCaps = parent.group.keepCaps;
        group.credentials = parent.group.credentials.copy();
    }

    // ForkExec (fork, thread): the creator's nice, I/O priority, priority, tickets and scheduling class. With
    // SCHED_RESET_ON_FORK (as Linux's sched_fork) a real-time creator's child gets SCHED_OTHER at nice 0
    // (prio 120), any other's negative nice becomes 0, and the flag is not inherited.
    void inheritScheduling(Process creator) {
        nice = creator.nice;
        ioPriority = creator.ioPriority;
        priority = creator.priority;
        tickets = creator.tickets;
        schedPolicy = creator.schedPolicy;
        rtPriority = creator.rtPriority;
        if (creator.resetOnFork) {
            nice = Math.max(0, nice);
            if (schedPolicy == 1 || schedPolicy == 2) {
                schedPolicy = 0;
                rtPriority = 0;
                nice = 0;
                priority = 120;
            }
        }
    }

    // ---- the process ABI (issue 10) ----

    /** The signal its parent gets when its process ends (clone's low byte; 0: none). */
    public int exitSignal() { return group.exitSignal; }

    /** The parent suspended in vfork until this child execs or ends (0: none). */
    public int vforkParent() { return vforkParent; }

    /** CloneCall: the vfork parent waiting for this child (0: none any more). */
    public void setVforkParent(int pid) { vforkParent = pid; }

    /** The child it waits for in vfork (0: none). */
    public int vforkChild() { return vforkChild; }

    /** CloneCall: the child it waits for in vfork (0: none). */
    public void setVforkChild(int pid) { vforkChild = pid; }

    /** The queue it sleeps on in vfork (made on its first vfork). */
    public KernelWaitQueue<Process> vforkWait() { return vforkWait; }

    /** CloneCall: the queue it sleeps on in vfork. */
    public void setVforkWait(KernelWaitQueue<Process> q) { vforkWait = q; }

    /** prctl PR_SET_NAME: its command name (what ps shows); at most 15 bytes, as Linux's comm. */
    public void setComm(String comm) { name = comm; }

    /** The signal it gets when its parent ends (prctl PR_SET_PDEATHSIG; 0: none). */
    public int pdeathSig() { return pdeathSig; }

    /** prctl PR_SET_PDEATHSIG. */
    public void setPdeathSig(int sig) { pdeathSig = sig; }

    /** prctl PR_GET_DUMPABLE. */
    public boolean dumpable() { return group.dumpable; }

    /** prctl PR_SET_DUMPABLE. */
    public void setDumpable(boolean d) { group.dumpable = d; }

    /** prctl PR_GET_NO_NEW_PRIVS. */
    public boolean noNewPrivs() { return group.noNewPrivs; }

    /** prctl PR_SET_NO_NEW_PRIVS (once set, never cleared). */
    public void setNoNewPrivs() { group.noNewPrivs = true; }

    /** prctl PR_GET_KEEPCAPS. */
    public boolean keepCaps() { return group.keepCaps; }

    /** prctl PR_SET_KEEPCAPS. */
    public void setKeepCaps(boolean k) { group.keepCaps = k; }

    /** Its process's user and group ids (the set*id calls change them in place). */
    public Credentials credentials() { return group.credentials; }

    @Override public int uid() { return group.credentials.uids()[Credentials.REAL]; }
    @Override public int euid() { return group.credentials.uids()[Credentials.EFFECTIVE]; }
    @Override public int egid() { return group.credentials.gids()[Credentials.EFFECTIVE]; }

    /** What its process used, fixed when it ended (null while it lives). */
    public Rusage exitUsage() { return group.exitUsage; }

    /** What its process's reaped children (and theirs) used: RUSAGE_CHILDREN, times()'s cutime. */
    public Rusage childrenUsage() { return group.childrenUsage; }

    /** Its ppoll and pselect6 sleep (null before its first). */
    public PollWait pollWait() { return pollWait; }

    /** The poll calls: its poll sleep, made on its first. */
    public void setPollWait(PollWait w) { pollWait = w; }

    // ExitWait.terminate: what the process used, fixed before its memory goes.
    void setExitUsage(Rusage u) { group.exitUsage = u; }

    // ExitWait, reaping a child: the child's usage and its children's join this process's children's.
    void addChildUsage(Rusage u) { group.childrenUsage = group.childrenUsage.plus(u); }

    /** CloneCall: the signal the parent gets when this child ends (clone's low byte). */
    public void setExitSignal(int sig) { group.exitSignal = sig; }

    @Override
    public String toString() {
        return tid == group.tgid ? "pid " + tid + " (" + name + ")" : "tid " + tid + " of pid " + group.tgid + " (" + name + ")";
    }
}
