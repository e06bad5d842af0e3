package osbox.kernel.core.proc;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Access;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.memory.MemoryManager;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;

/**
 * The OOM killer: when memory and swap are both exhausted it asks the OOM
 * policy for a victim among the live processes and kills it with SIGKILL.
 * A page fault that finds no frame kills the victim at once (the faulting
 * instruction runs again if it survives). A kernel copy that finds no frame
 * ({@link ProcessMemory}) kills another victim at once and the copy is tried
 * again; when the victim is the caller itself the copy fails and the kill
 * waits for the caller's system call to return ({@link #killIfPending}).
 * The VM manager counts every kill ({@code oom.kills}). Simulation thread
 * only.
 */
public final class OomKiller implements ProcessMemory.Reclaim {
    private static final Logger LOG = LoggerFactory.getLogger(OomKiller.class);

    private final ProcessTable table;
    private final SignalDelivery signals;
    private final MemoryManager vm;
    private final Tracer tracer;
    private OomPolicy policy = OomPolicy.LARGEST_RESIDENT_SET;

    /** Kills processes of {@code table} through {@code signals}; {@code vm} counts the kills. */
    public OomKiller(ProcessTable table, SignalDelivery signals, MemoryManager vm, Tracer tracer) {
        this.table = table;
        this.signals = signals;
        this.vm = vm;
        this.tracer = tracer;
    }

    /** Replaces the OOM policy (null: the default, the largest resident set). */
    public void setPolicy(OomPolicy policy) {
        this.policy = policy == null ? OomPolicy.LARGEST_RESIDENT_SET : policy;
    }

    /**
     * No frame could be found for p's fault at addr (no evictable page, swap
     * full or absent): the victim is killed now. If it is not p, p's fault
     * is retried when it runs again (the instruction traps again).
     */
    public void faultFailed(Process p, int access, long addr) {
        kill(p, victimFor(p), access, addr);
    }

    /**
     * A copy to or from p's memory found no frame: kills another victim now
     * (true: its frames are free, try again); when the victim is p itself,
     * marks p to be killed as its system call returns and frees nothing
     * (false: the copy fails). False for a process that has ended.
     */
    @Override
    public boolean forCopy(Process p) {
        if (p.state() == ProcessState.ZOMBIE) {
            return false;
        }
        Process victim = victimFor(p);
        if (victim == p) {
            p.setOomKillPending(true);
            return false;
        }
        kill(p, victim, Access.WRITE, 0);
        return true;
    }

    /**
     * At the return of p's system call: carries out the kill {@link #forCopy}
     * left for it, if any. True when p was killed now (its call writes no
     * result); false when nothing was pending or p had ended meanwhile.
     */
    public boolean killIfPending(Process p) {
        if (!p.oomKillPending()) {
            return false;
        }
        p.setOomKillPending(false);
        if (p.state() == ProcessState.ZOMBIE) {
            return false;
        }
        kill(p, p, Access.WRITE, 0);
        return true;
    }

    // The OOM policy's victim among the live processes (p when it fails or names no live process).
    private Process victimFor(Process p) {
        List<OomPolicy.Candidate> candidates = new ArrayList<>();
        for (Process c : table.processes()) {     // one candidate per process, its leader
            if (c.group().liveCount() > 0 && c.space() != null) {
                candidates.add(new OomPolicy.Candidate(c.pid(), c.name(), c.space().residentPages(),
                        c.space().swappedPages()));
            }
        }
        int pid;
        try {
            pid = candidates.isEmpty() ? p.pid() : policy.choose(candidates);
        } catch (RuntimeException e) {
            LOG.error("OOM policy failed; killing the faulting process", e);
            pid = p.pid();
        }
        Process victim = table.get(pid);
        if (victim == null || victim.group().liveCount() == 0) {
            return p;
        }
        // a leader that ended before its threads: one of the threads stands for the process
        return victim.state() != ProcessState.ZOMBIE ? victim : victim.group().liveThreads().get(0);
    }

    // Kills victim with SIGKILL because p needed a page for access at addr and none could be found.
    private void kill(Process p, Process victim, int access, long addr) {
        long rss = victim.space().residentPages();
        String report = String.format("out of memory: killed pid %d (%s), resident set %d pages", victim.pid(),
                victim.name(), rss);
        long pc = p.context() == null ? 0 : p.context().pc; // none yet while spawn loads its first image
        LOG.warn("{} (pid {} needed a page for a {} at pc=0x{} address 0x{}; swap {}/{} slots used)", report,
                p.pid(), Access.name(access), Long.toHexString(pc), Long.toHexString(addr), vm.swapSlotsUsed(),
                vm.swapSlots());
        tracer.record(TraceKind.NOTE, p.sched().hart(), victim.pid(), rss, addr, report);
        vm.outOfMemoryKill(victim.pid());
        StraceHooks.signalDelivered(victim, SigInfo.kernel(Signals.SIGKILL));
        signals.kill(victim, Signals.SIGKILL, String.format("out of memory: resident set %d pages, the largest",
                rss), addr);
    }
}
