package osbox.kernel.core.proc;

import java.util.List;
import osbox.api.hw.HartContext;
import osbox.api.kernel.MemoryUsage;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.UserMemory;
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
 * The process control block. Its fields are grouped by who writes them, as
 * xv6 groups {@code struct proc} by the lock that guards each field; here
 * every write happens on the simulation thread, and the groups say which
 * part of the kernel makes it. Everyone else reads the PCB through
 * {@link ProcessView} (reports, listeners) or the getters.
 */
public final class Process implements ProcessView, Task, Caller {
    // ---- identity and family. pid: fixed by ProcessTable.create. ppid: ProcessTable.create, then
    // ExitWait when the parent ends (re-parenting). pgid, sid: ProcessTable.create, then the setpgid
    // and setsid calls. name, argv: ProcessTable.create, then ForkExec.exec. ----
    private final int pid;
    private int ppid;
    int pgid;
    int sid;
    private String name;
    private List<String> argv;

    // ---- lifecycle. state: the dispatcher (NEW -> READY <-> RUNNING <-> BLOCKED) and
    // ProcessTable.zombify (-> ZOMBIE, final). exitedAt, waitStatus, killReport: ProcessTable.zombify.
    // childWait: ExitWait (made when the process first waits). clearChildTid: set_tid_address. ----
    private ProcessState state = ProcessState.NEW;
    private final long createdAt;
    long exitedAt = -1;
    int waitStatus = -1;
    String killReport;
    private KernelWaitQueue<Process> childWait;
    private long clearChildTid;
    // robustList, robustListLength: set_robust_list (not inherited: a forked child starts with none, as on Linux).
    private long robustList;
    private long robustListLength;
    // umask: the umask call; inherited at fork. Linux's initial value.
    private int umask = 0022;

    // ---- the process ABI real programs use (issue 10). exitSignal: CloneCall (clone's low byte).
    // vforkParent, vforkChild, vforkWait: CloneCall with CLONE_VFORK; ImageRelease clears vforkParent at
    // the child's execve or exit. The name (comm): prctl PR_SET_NAME too. pdeathSig, dumpable,
    // noNewPrivs, keepCaps: prctl (a fork keeps all but pdeathSig). credentials: the set*id calls (a
    // copy at fork). exitUsage: ExitWait.terminate. childrenUsage: ExitWait when it reaps a child.
    // pollWait: the poll calls (made on the first); ExitWait.terminate drops its watches. ----
    private int exitSignal = 17;
    private int vforkParent;
    private int vforkChild;
    private KernelWaitQueue<Process> vforkWait;
    private int pdeathSig;
    private boolean dumpable = true;
    private boolean noNewPrivs;
    private boolean keepCaps;
    private Credentials credentials = new Credentials();
    private Rusage exitUsage;
    private Rusage childrenUsage = Rusage.NONE;
    private PollWait pollWait;

    // ---- registers and address space: ForkExec (spawn, fork, execve); ExitWait destroys the space at
    // exit. earlierImages: ForkExec.exec, before it replaces the space. ----
    private HartContext context;
    private AddressSpace space;
    private UserMemory memory;
    private MemoryUsage earlierImages = MemoryUsage.NONE;

    // ---- descriptors: ForkExec gives the table (a fresh one, or a copy at fork); the file calls change
    // its slots, ExitWait closes them all. ----
    private FileTable files = new FileTable();

    // ---- place in the namespace: ForkExec gives both (spawn: "/" and the image; fork: the parent's; execve:
    // the new program), chdir and fchdir change cwd. ----
    private Node cwd;
    private Node exe;

    // ---- resource limits: ForkExec gives them (defaults at spawn, a copy at fork; execve keeps them);
    // the rlimit calls change them, the CPU limit moves RLIMIT_CPU's soft limit on. ----
    private ResourceLimits limits = ResourceLimits.defaults(ProcessTable.PID_MAX, FileTable.MAX);

    // ---- scheduling. The attributes policies see: ForkExec at spawn and fork. The entity (hart,
    // sleeps, bursts, CPU accounting): written only by the dispatcher. ----
    private int nice;
    private int priority;
    private int tickets = 100;
    private long lengthHint = -1;
    private long burstHint = -1;
    private final SchedEntity sched = new SchedEntity();

    // ---- accounting: system calls counted by the system-call trap (CPU time is in the entity). ----
    private long syscalls;

    // ---- signals: a kill the OOM killer chose this process for while its own system call needed
    // memory; set by OomKiller, carried out (and cleared) by OomKiller when the call returns. ----
    private boolean oomKillPending;
    // signalState: dispositions, mask, pending, alternate stack, job control (SignalDelivery and the
    // signal calls write it; ForkExec gives a fork's child a copy and resets it at execve).
    private SignalState signalState = new SignalState();

    // ---- strace: null when not traced (the one test the system-call path makes); set by the kernel's
    // tracing control (KernelCore.trace), inherited at fork when its log follows forks (ForkExec). ----
    private Traced traced;

    Process(int pid, int ppid, String name, List<String> argv, long createdAt) {
        this.pid = pid;
        this.ppid = ppid;
        this.name = name;
        this.argv = List.copyOf(argv);
        this.createdAt = createdAt;
    }

    // ---- what everyone may read ----

    @Override public int pid() { return pid; }
    @Override public int ppid() { return ppid; }
    @Override public String name() { return name; }
    @Override public List<String> argv() { return argv; }
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
    @Override public int id() { return pid; }
    @Override public int nice() { return nice; }
    @Override public int priority() { return priority; }
    @Override public int tickets() { return tickets; }
    @Override public long arrival() { return createdAt; }
    @Override public long lengthHint() { return lengthHint; }
    @Override public long burstHint() { return burstHint; }
    @Override public long runtime() { return sched.cpuCycles(); }
    @Override public long lastBurst() { return sched.lastBurst(); }
    @Override public int lastHart() { return sched.lastHart(); }
    @Override public SchedEntity sched() { return sched; }
    @Override public HartContext context() { return context; }
    @Override public AddressSpace space() { return space; }

    /** Its process group. */
    public int pgid() { return pgid; }

    /** Its session. */
    public int sid() { return sid; }

    /** Its memory as system calls reach it (copies checked through its page table, the OOM killer behind). */
    public UserMemory userMemory() { return memory; }

    /** Its file descriptors. */
    public FileTable files() { return files; }

    /** Its working directory. */
    @Override
    public Node cwd() { return cwd; }

    /** The file of the program it runs (/proc/self/exe). */
    @Override
    public Node exe() { return exe; }

    /** chdir, fchdir: a new working directory (the call checked it is a directory). */
    public void setCwd(Node dir) {
        cwd = dir;
    }

    /** Its resource limits (getrlimit). */
    public ResourceLimits limits() { return limits; }

    /** Its signal state (dispositions, blocked mask, pending signals, alternate stack). */
    public SignalState signals() { return signalState; }

    /** Whether sig is blocked or ignored here (the terminal's SIGTTIN/SIGTTOU rules). */
    @Override
    public boolean blocksOrIgnores(int sig) {
        return signalState.handler(sig) == SignalState.SIG_IGN || (signalState.blocked() & SignalState.bit(sig)) != 0;
    }

    /** Its effective uid (System V IPC's permission checks). */
    @Override
    public int euid() { return credentials.uids()[Credentials.EFFECTIVE]; }

    /** Its effective gid. */
    @Override
    public int egid() { return credentials.gids()[Credentials.EFFECTIVE]; }

    /** Whether gid is its effective or a supplementary group. */
    @Override
    public boolean inGroup(int gid) {
        if (gid == egid()) {
            return true;
        }
        for (int g : credentials.groups()) {
            if (g == gid) {
                return true;
            }
        }
        return false;
    }

    /** The queue it sleeps on in wait4, or null before it first waits. */
    KernelWaitQueue<Process> childWait() { return childWait; }

    /** set_tid_address's pointer (0: none). */
    public long clearChildTid() { return clearChildTid; }

    /** Whether the OOM killer left a kill for the return of its system call. */
    boolean oomKillPending() { return oomKillPending; }

    /**
     * Its memory now: the current address space's pages, and its fault and
     * paging counters added to those of the images it ran before (execve),
     * and the TLB accesses and misses of every stretch it ran, charged when
     * it was switched out (the current stretch is not counted yet).
     * Simulation thread.
     */
    @Override
    public MemoryUsage memory() {
        AddressSpace s = space;
        MemoryUsage e = earlierImages;
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
            throw new IllegalStateException("pid " + pid + " is a zombie; cannot become " + s);
        }
        state = s;
    }

    /** setpgid: moves it to process group pgid (the call checked Linux's rules). */
    public void setPgid(int pgid) {
        this.pgid = pgid;
    }

    /** setsid: makes it the leader of a new session and of a new process group, both its pid. */
    public void newSession() {
        this.sid = pid;
        this.pgid = pid;
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
    public int umask() { return umask; }

    /** umask: sets the mask to the permission bits of {@code mask}; returns the previous mask. */
    public int setUmask(int mask) {
        int old = umask;
        umask = mask & 0777;
        return old;
    }

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

    // ForkExec: gives it an image (spawn, fork, execve): registers, address space and the memory over it.
    void setImage(HartContext context, AddressSpace space, UserMemory memory) {
        this.context = context;
        this.space = space;
        this.memory = memory;
    }

    // ForkExec: its place in the namespace (spawn, fork, execve).
    void setPlace(Node cwd, Node exe) {
        this.cwd = cwd;
        this.exe = exe;
    }

    // ForkExec (fork): the child's descriptors, a copy of the parent's.
    void setFiles(FileTable files) {
        this.files = files;
    }

    // ForkExec (spawn, fork): its resource limits; the descriptor table follows RLIMIT_NOFILE.
    void setLimits(ResourceLimits l) {
        limits = l;
        files.setLimit((int) l.softAtMost(ResourceLimits.RLIMIT_NOFILE, FileTable.MAX));
    }

    // ForkExec (fork): the child's signal state, a copy of the parent's.
    void setSignals(SignalState s) {
        signalState = s;
    }

    // ExitWait: re-parents it (its parent ended).
    void setParent(int ppid) {
        this.ppid = ppid;
    }

    // ExitWait: the queue it waits for its children on.
    void setChildWait(KernelWaitQueue<Process> q) {
        childWait = q;
    }

    // OomKiller: marks (or clears) a kill left for the return of its system call.
    void setOomKillPending(boolean pending) {
        oomKillPending = pending;
    }

    // ForkExec.exec, before it replaces the address space: the fault and paging counters (and the peak)
    // of the image it leaves carry over to the new one; its pages do not.
    void keepMemoryCounters() {
        MemoryUsage now = memory();
        earlierImages = new MemoryUsage(0, now.peakResidentPages(), 0, 0, now.minorFaults(), now.imageFaults(),
                now.majorFaults(), now.cowFaults(), now.cowCopies(), now.pageIns(), now.pageOuts(), 0, 0);
    }

    // ForkExec.exec: the process now runs another program under this name and argument vector.
    void rename(String name, List<String> argv) {
        this.name = name;
        this.argv = List.copyOf(argv);
    }

    // ForkExec (spawn): what scheduling policies see of it.
    void setAttributes(TaskAttributes a) {
        nice = a.nice();
        priority = a.priority();
        tickets = a.tickets();
        lengthHint = a.lengthHint();
        burstHint = a.burstHint();
    }

    // ForkExec (fork): the child gets the parent's nice, priority and tickets (hints are the parent's own).
    void inheritAttributes(Process parent) {
        nice = parent.nice;
        priority = parent.priority;
        tickets = parent.tickets;
        umask = parent.umask;
        dumpable = parent.dumpable;
        noNewPrivs = parent.noNewPrivs;
        keepCaps = parent.keepCaps;
        credentials = parent.credentials.copy();
    }

    // ---- the process ABI (issue 10) ----

    /** The signal its parent gets when it ends (clone's low byte; 0: none). */
    public int exitSignal() { return exitSignal; }

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
    public boolean dumpable() { return dumpable; }

    /** prctl PR_SET_DUMPABLE. */
    public void setDumpable(boolean d) { dumpable = d; }

    /** prctl PR_GET_NO_NEW_PRIVS. */
    public boolean noNewPrivs() { return noNewPrivs; }

    /** prctl PR_SET_NO_NEW_PRIVS (once set, never cleared). */
    public void setNoNewPrivs() { noNewPrivs = true; }

    /** prctl PR_GET_KEEPCAPS. */
    public boolean keepCaps() { return keepCaps; }

    /** prctl PR_SET_KEEPCAPS. */
    public void setKeepCaps(boolean k) { keepCaps = k; }

    /** Its user and group ids (the set*id calls change them in place). */
    public Credentials credentials() { return credentials; }

    /** What it used, fixed when it ended (null while it lives). */
    public Rusage exitUsage() { return exitUsage; }

    /** What its reaped children (and theirs) used: RUSAGE_CHILDREN, times()'s cutime. */
    public Rusage childrenUsage() { return childrenUsage; }

    /** Its ppoll and pselect6 sleep (null before its first). */
    public PollWait pollWait() { return pollWait; }

    /** The poll calls: its poll sleep, made on its first. */
    public void setPollWait(PollWait w) { pollWait = w; }

    // ExitWait.terminate: what it used, fixed before its memory goes.
    void setExitUsage(Rusage u) { exitUsage = u; }

    // ExitWait, reaping a child: the child's usage and its children's join this process's children's.
    void addChildUsage(Rusage u) { childrenUsage = childrenUsage.plus(u); }

    /** CloneCall: the signal the parent gets when this child ends (clone's low byte). */
    public void setExitSignal(int sig) { exitSignal = sig; }

    @Override
    public String toString() {
        return "pid " + pid + " (" + name + ")";
    }
}
