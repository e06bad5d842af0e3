package osbox.kernel.core.proc;

import java.util.List;
import osbox.api.hw.HartContext;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitQueue;
import osbox.api.sched.SchedTask;
import osbox.kernel.core.files.FileTable;
import osbox.api.kernel.MemoryUsage;
import osbox.api.kernel.UserMemory;
import osbox.api.memory.AddressSpace;

/**
 * The process control block: identity, state, registers, address space,
 * accounting. Kernel code changes it on the simulation thread; everyone
 * else sees it through {@link ProcessView}.
 */
public final class Process implements ProcessView, SchedTask {
    public final int pid;
    int ppid;
    String name;
    List<String> argv;
    ProcessState state = ProcessState.NEW;

    /** Registers, handed to a hart when it runs. */
    public HartContext context;
    /** Its address space, from the VM manager (null before exec). */
    public AddressSpace space;
    /** copyin/copyout through that space. */
    public UserMemory user;
    /** File descriptors. */
    public FileTable files = new FileTable();

    /** Where the parent sleeps in wait4 (made on first use). */
    public WaitQueue childWait;

    /** set_tid_address's pointer (cleared at exit, futex-woken later). */
    public long clearChildTid;

    // scheduling
    /** The hart it runs on, or -1. */
    public int hart = -1;
    /** Where it sleeps while BLOCKED, or null. */
    public WaitQueue sleepingOn;
    /** Event id of a timed sleep, or 0. */
    public long sleepEvent;
    /** The pending call is a restart after a sleep. */
    public boolean woken;

    // what scheduling policies see (SchedTask)
    public int nice;
    public int priority;
    public int tickets = 100;
    public long lengthHint = -1;
    public long burstHint = -1;
    public long lastBurst = -1;
    public int lastHart = -1;
    /** CPU cycles of the current burst so far (since it last woke). */
    public long burstCycles;
    /** Cycle it last became READY (the watchdog measures waits from here). */
    public long readySince;

    // accounting
    final long createdAt;
    long firstRunAt = -1;
    long exitedAt = -1;
    public long cpuCycles;
    public long instructions;
    public long syscalls;
    public long voluntarySwitches;
    public long involuntarySwitches;
    /** Hart cycle and instret when it was last dispatched. */
    public long dispatchedCycle;
    public long dispatchedInstret;
    /** TLB accesses and misses while it ran (charged at each switch out). */
    public long tlbAccesses;
    public long tlbMisses;
    /** The hart's TLB counters when it was last dispatched. */
    public long dispatchedTlbAccesses;
    public long dispatchedTlbMisses;

    int waitStatus = -1;
    String killReport;
    /** Memory counters of the images it ran before the current one (execve), nothing at first. */
    private MemoryUsage earlierImages = MemoryUsage.NONE;

    Process(int pid, int ppid, String name, List<String> argv, long createdAt) {
        this.pid = pid;
        this.ppid = ppid;
        this.name = name;
        this.argv = List.copyOf(argv);
        this.createdAt = createdAt;
    }

    @Override public int pid() { return pid; }
    @Override public int ppid() { return ppid; }
    @Override public String name() { return name; }
    @Override public List<String> argv() { return argv; }
    @Override public ProcessState state() { return state; }
    @Override public long createdAt() { return createdAt; }
    @Override public long firstRunAt() { return firstRunAt; }
    @Override public long exitedAt() { return exitedAt; }
    @Override public long cpuCycles() { return cpuCycles; }
    @Override public long instructions() { return instructions; }
    @Override public long syscalls() { return syscalls; }
    @Override public long voluntarySwitches() { return voluntarySwitches; }
    @Override public long involuntarySwitches() { return involuntarySwitches; }
    @Override public int waitStatus() { return waitStatus; }
    @Override public int id() { return pid; }
    @Override public int nice() { return nice; }
    @Override public int priority() { return priority; }
    @Override public int tickets() { return tickets; }
    @Override public long arrival() { return createdAt; }
    @Override public long lengthHint() { return lengthHint; }
    @Override public long burstHint() { return burstHint; }
    @Override public long runtime() { return cpuCycles; }
    @Override public long lastBurst() { return lastBurst; }
    @Override public int lastHart() { return lastHart; }
    @Override public String killReport() { return killReport; }

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

    /**
     * execve is about to replace the current address space: its fault and
     * paging counters (and its peak) carry over to the new image; its pages
     * do not. Call before {@link #space} is replaced.
     */
    public void keepMemoryCounters() {
        MemoryUsage now = memory();
        earlierImages = new MemoryUsage(0, now.peakResidentPages(), 0, 0, now.minorFaults(), now.imageFaults(),
                now.majorFaults(), now.cowFaults(), now.cowCopies(), now.pageIns(), now.pageOuts(), 0, 0);
    }

    /** execve: the process now runs another program under this name and argument vector. */
    public void rename(String name, List<String> argv) {
        this.name = name;
        this.argv = List.copyOf(argv);
    }

    /** Sets what scheduling policies see of it. */
    public void setAttributes(osbox.api.sched.TaskAttributes a) {
        nice = a.nice();
        priority = a.priority();
        tickets = a.tickets();
        lengthHint = a.lengthHint();
        burstHint = a.burstHint();
    }

    /** fork: the child gets the parent's nice, priority and tickets (hints are the parent's own). */
    public void inheritAttributes(Process parent) {
        nice = parent.nice;
        priority = parent.priority;
        tickets = parent.tickets;
    }

    /** Re-parents the process (its parent exited). */
    public void setParent(int ppid) {
        this.ppid = ppid;
    }

    /** Process group and session ids (setpgid, setsid); a new process starts in its parent's. */
    int pgid, sid;

    public int pgid() { return pgid; }

    public int sid() { return sid; }

    /** setpgid: moves it to process group pgid (the caller checked the rules). */
    public void setPgid(int pgid) { this.pgid = pgid; }

    /** setsid: makes it the leader of a new session and of a new process group, both its pid. */
    public void newSession() {
        this.sid = pid;
        this.pgid = pid;
    }

    /** Moves to a new state; ZOMBIE is final. */
    public void setState(ProcessState s) {
        if (state == ProcessState.ZOMBIE) {
            throw new IllegalStateException("pid " + pid + " is a zombie; cannot become " + s);
        }
        state = s;
    }

    /** Notes the first dispatch time. */
    public void markRunning(long now) {
        if (firstRunAt < 0) {
            firstRunAt = now;
        }
    }

    @Override
    public String toString() {
        return "pid " + pid + " (" + name + ")";
    }
}
