package osbox.kernel.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Access;
import osbox.api.hw.Hart;
import osbox.api.hw.HartContext;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.hw.Timer;
import osbox.api.hw.TrapCause;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ExecFormat;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ExecImage;
import osbox.api.kernel.InterruptHandler;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.TerminalProvider;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.files.Pipe;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.Signals;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitQueue;
import osbox.api.kernel.WaitStatus;
import osbox.api.sched.TaskAttributes;
import osbox.api.trace.TraceKind;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ProcessTable;
import osbox.kernel.core.proc.ProgramLoader;
import osbox.kernel.core.proc.SignalDefaults;
import osbox.kernel.core.sched.Dispatcher;
import osbox.kernel.core.sched.KernelWaitQueue;
import osbox.kernel.core.syscall.KernelCall;
import osbox.kernel.core.syscall.SyscallTable;
import osbox.kernel.core.trap.TrapTable;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.FrameUsage;
import osbox.api.memory.MemoryManager;
import osbox.kernel.core.proc.OomPolicy;
import osbox.kernel.core.fs.HostMount;

/**
 * The kernel core, plain Java: boot (trap table), processes, trap dispatch,
 * faults, syscalls, interrupts. Everything here runs on the simulation
 * thread; the component feeds it services through safe-point tasks.
 */
public final class KernelCore implements Kernel, ProcessManager {
    private static final Logger LOG = LoggerFactory.getLogger(KernelCore.class);

    /**
     * Kernel settings fixed at boot.
     *
     * @param quantumCycles round-robin quantum
     * @param seed          seed of everything random the kernel makes
     * @param maxProcesses  processes that may exist at once (fork answers EAGAIN beyond)
     * @param hostDir       host directory mounted read-only at /host, or null
     * @param watchdogCycles longest a runnable task may wait before the scheduling policy is ejected
     */
    public record Settings(long quantumCycles, long seed, int maxProcesses, java.nio.file.Path hostDir,
            long watchdogCycles) {
        /** Checks the process limit is within the pid range. */
        public Settings {
            if (maxProcesses < 1 || maxProcesses >= ProcessTable.PID_MAX) {
                throw new IllegalArgumentException("max processes must be 1.." + (ProcessTable.PID_MAX - 1) + ": "
                        + maxProcesses);
            }
        }

        /** A 1 ms round-robin quantum at 1 GHz, 128 processes, nothing mounted, a 30 s watchdog. */
        public static Settings defaults() {
            return new Settings(1_000_000, 0x05B0C5L, 128, null, 30_000_000_000L);
        }
    }

    private final Machine machine;
    private final InterruptController intc;
    private final Settings settings;
    private final MemoryManager vm;
    private OomPolicy oomPolicy = OomPolicy.LARGEST_RESIDENT_SET;
    private final ProcessTable table = new ProcessTable();
    private final Dispatcher dispatcher;
    private final SyscallTable syscalls = new SyscallTable();
    private final TrapTable traps;
    private final KernelCall[] calls;
    private final ProgramLoader loader;
    private final HostMount host;
    private final List<ExecFormat> formats = new ArrayList<>();
    private final TreeMap<Integer, InterruptHandler> irqHandlers = new TreeMap<>();
    private final CopyOnWriteArrayList<Consumer<ProcessView>> exitListeners = new CopyOnWriteArrayList<>();
    private long killed;
    private TerminalProvider terminal;
    private long nextInode = 1;
    private int nextPipe = 1;

    /**
     * Builds the kernel over a machine, with address spaces from the VM
     * manager {@code vm} (which it gives the kernel's clock); {@link #boot()}
     * installs it. Simulation thread.
     */
    public KernelCore(Machine machine, Timer timer, InterruptController intc, MemoryManager vm, Settings settings) {
        this.machine = machine;
        this.intc = intc;
        this.settings = settings;
        this.vm = vm;
        this.dispatcher = new Dispatcher(machine, timer, settings.quantumCycles(), settings.watchdogCycles(),
                settings.seed());
        this.calls = new KernelCall[machine.hartCount()];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = new KernelCall(this);
        }
        vm.useClock(dispatcher::now);
        vm.setOutOfMemoryHandler(this::reclaimForKernelAccess);
        this.loader = new ProgramLoader(vm);
        this.host = new HostMount(settings.hostDir());
        this.traps = new TrapTable(this::unexpectedTrap);
        traps.setException(TrapCause.ECALL_FROM_U, this::systemCall);
        traps.setException(TrapCause.LOAD_PAGE_FAULT, (h, c, a) -> pageFault(h, c, a, Access.READ));
        traps.setException(TrapCause.STORE_PAGE_FAULT, (h, c, a) -> pageFault(h, c, a, Access.WRITE));
        traps.setException(TrapCause.INSTRUCTION_PAGE_FAULT, (h, c, a) -> pageFault(h, c, a, Access.EXECUTE));
        // a software-managed TLB (refill=software) traps every miss to the kernel
        traps.setException(TrapCause.INSTRUCTION_TLB_MISS, this::tlbMiss);
        traps.setException(TrapCause.LOAD_TLB_MISS, this::tlbMiss);
        traps.setException(TrapCause.STORE_TLB_MISS, this::tlbMiss);
        traps.setException(TrapCause.ILLEGAL_INSTRUCTION, (h, c, a) -> fatal(h, c, a, Signals.SIGILL));
        traps.setException(TrapCause.BREAKPOINT, (h, c, a) -> fatal(h, c, a, Signals.SIGTRAP));
        traps.setException(TrapCause.LOAD_MISALIGNED, (h, c, a) -> fatal(h, c, a, Signals.SIGBUS));
        traps.setException(TrapCause.STORE_MISALIGNED, (h, c, a) -> fatal(h, c, a, Signals.SIGBUS));
        traps.setException(TrapCause.INSTRUCTION_MISALIGNED, (h, c, a) -> fatal(h, c, a, Signals.SIGBUS));
        traps.setException(TrapCause.LOAD_ACCESS_FAULT, (h, c, a) -> fatal(h, c, a, Signals.SIGSEGV));
        traps.setException(TrapCause.STORE_ACCESS_FAULT, (h, c, a) -> fatal(h, c, a, Signals.SIGSEGV));
        traps.setException(TrapCause.INSTRUCTION_ACCESS_FAULT, (h, c, a) -> fatal(h, c, a, Signals.SIGSEGV));
        traps.setTimer((h, c, a) -> dispatcher.tick(h));
        traps.setExternal(this::externalInterrupt);
    }

    /** Boot: installs the trap table in the machine (like writing stvec). Simulation thread. */
    public void boot() {
        // every trap first tells the dispatcher the hart's clock: times recorded are the hart's own
        machine.setTrapVector((hart, cause, tval) -> {
            dispatcher.observe(hart.cycle());
            traps.trap(hart, cause, tval);
            // swap transfers this trap caused: the hart waited for them
            long swapped = vm.takeSwapCycles();
            if (swapped > 0) {
                hart.addCycles(swapped);
            }
        });
        machine.tracer().record(TraceKind.NOTE, -1, 0, 0, 0, "kernel booted");
    }

    /** Shutdown: removes the trap table and idles every hart. */
    public void shutdown() {
        machine.setTrapVector(null);
        for (Process p : table.all()) {
            if (p.state() != ProcessState.ZOMBIE) {
                terminate(p, WaitStatus.signaled(Signals.SIGKILL, false), "kernel shut down");
            }
        }
        vm.useClock(null);
        vm.setOutOfMemoryHandler(null);
    }

    // ---- whiteboard updates (simulation thread) ----

    public void installSyscall(int number, String name, SyscallHandler h) {
        syscalls.install(number, name, h);
        machine.tracer().record(TraceKind.SERVICE, -1, 0, number, 1, name);
    }

    public void removeSyscall(int number, SyscallHandler h) {
        if (syscalls.remove(number, h)) {
            machine.tracer().record(TraceKind.SERVICE, -1, 0, number, 0, syscalls.name(number));
        }
    }

    public void addFormat(ExecFormat f) {
        formats.add(f);
    }

    public void removeFormat(ExecFormat f) {
        formats.remove(f);
    }

    /** The terminal new top-level processes get as descriptors 0-2 (null: none). */
    public void setTerminal(TerminalProvider t) {
        terminal = t;
    }

    public void clearTerminal(TerminalProvider t) {
        if (terminal == t) {
            terminal = null;
        }
    }

    /** Wraps an open file for descriptor tables, naming it with the next inode number. */
    public FileRef newFile(OpenFile f) {
        return new FileRef(f, nextInode++);
    }

    /**
     * pipe2 for process p: makes a pipe, installs its read and write ends at
     * the two lowest free descriptors and stores them at user address fds.
     * Returns 0 or a negative errno (nothing is left open on failure).
     */
    public long pipe(Process p, long fds, boolean cloexec, boolean nonBlocking) {
        Pipe pipe = new Pipe(nextPipe++, this,
                c -> kill(KernelCall.of(c).pcb(), Signals.SIGPIPE, "write to a pipe with no readers", 0), nonBlocking);
        FileRef r = newFile(pipe.readEnd());
        FileRef w = newFile(pipe.writeEnd());
        int rfd = p.files.install(r, 0, cloexec);
        if (rfd < 0) {
            r.file.release();
            w.file.release();
            return rfd;
        }
        int wfd = p.files.install(w, 0, cloexec);
        if (wfd < 0) {
            p.files.close(rfd);
            w.file.release();
            return wfd;
        }
        if (!p.user.writeInt(fds, rfd) || !p.user.writeInt(fds + 4, wfd)) {
            p.files.close(rfd);
            p.files.close(wfd);
            return -Errno.EFAULT;
        }
        return 0;
    }

    public void addInterruptHandler(InterruptHandler h) {
        irqHandlers.put(h.source(), h);
    }

    public void removeInterruptHandler(InterruptHandler h) {
        irqHandlers.remove(h.source(), h);
    }

    // ---- traps ----

    // ecall: look up a7 in the syscall table and run the handler.
    private void systemCall(Hart hart, int cause, long tval) {
        Process p = dispatcher.current(hart.id());
        if (p == null) {
            unexpectedTrap(hart, cause, tval);
            return;
        }
        HartContext ctx = p.context;
        long number = ctx.x[HartContext.A7];
        p.syscalls++;
        syscalls.count(number);
        SyscallHandler h = syscalls.lookup(number);
        long result;
        if (h == null) {
            result = -Errno.ENOSYS;
            machine.tracer().record(TraceKind.SYSCALL_UNKNOWN, hart.id(), p.pid, number, result);
            LOG.debug("{}: unknown syscall {} answered ENOSYS", p, number);
        } else {
            KernelCall call = calls[hart.id()];
            call.begin(hart, p, (int) number);
            inSystemCall = p;
            try {
                result = h.invoke(call);
            } catch (RuntimeException e) {
                LOG.error("syscall {} handler failed for {}; answered ENOSYS", syscalls.name((int) number), p, e);
                machine.tracer().record(TraceKind.NOTE, hart.id(), p.pid, number, 0, "syscall handler failed: " + e);
                result = -Errno.ENOSYS;
            }
            inSystemCall = null;
            if (pendingOomKill != null) {
                // the OOM policy chose this process while its call needed memory: it dies now, not its call
                Process victim = pendingOomKill;
                pendingOomKill = null;
                if (victim.state() != ProcessState.ZOMBIE) {
                    oomKill(victim, victim, Access.WRITE, 0);
                    if (victim == p) {
                        return;
                    }
                }
            }
            if (result == SyscallHandler.RESTART) {
                if (!call.slept()) {
                    LOG.error("syscall {} returned RESTART without sleeping; answered EINTR", syscalls.name((int) number));
                    result = -Errno.EINTR;
                } else {
                    return;
                }
            }
            if (result == SyscallHandler.NO_RETURN) {
                return;
            }
            machine.tracer().record(TraceKind.SYSCALL, hart.id(), p.pid, number, result);
        }
        p.woken = false;
        ctx.x[HartContext.A0] = result;
        ctx.pc += 4;
    }

    // Page fault: demand-zero if the region allows it, else SIGSEGV.
    private void pageFault(Hart hart, int cause, long addr, int access) {
        Process p = dispatcher.current(hart.id());
        if (p == null) {
            unexpectedTrap(hart, cause, addr);
            return;
        }
        int r = p.space.handleFault(addr, access);
        if (r == AddressSpace.SERVED) {
            return; // the VM manager traced it (ZERO_FILL_FAULT, IMAGE_FAULT, COW_FAULT or PAGE_IN)
        }
        if (r == AddressSpace.OOM) {
            outOfMemory(p, access, addr);
            return;
        }
        fatal(hart, cause, addr, Signals.SIGSEGV);
    }

    /**
     * A software-managed TLB missed (causes 24-26): the address space looks
     * the page up in its own page table and installs it on this hart, or
     * serves the miss as a page fault first; pc is not advanced, the hart
     * retries the instruction. What cannot be served ends exactly like the
     * matching page fault (SIGSEGV, or the OOM policy).
     */
    private void tlbMiss(Hart hart, int cause, long addr) {
        Process p = dispatcher.current(hart.id());
        if (p == null) {
            unexpectedTrap(hart, cause, addr);
            return;
        }
        int access = TrapCause.tlbMissAccess(cause);
        int r = p.space.handleTlbMiss(hart.mmu(), addr, access);
        if (r == AddressSpace.REFILLED) {
            return;
        }
        if (r == AddressSpace.SERVED) {
            return; // the VM manager traced it (ZERO_FILL_FAULT, IMAGE_FAULT, COW_FAULT or PAGE_IN)
        }
        if (r == AddressSpace.OOM) {
            outOfMemory(p, access, addr);
            return;
        }
        fatal(hart, TrapCause.pageFaultFor(cause), addr, Signals.SIGSEGV);
    }

    /**
     * No frame could be found for p's fault at addr (no evictable page, swap
     * full or absent): the OOM policy picks a victim among the live processes
     * and it is killed with SIGKILL. If it is not p, p's fault is retried
     * when it runs again (the instruction traps again).
     */
    private void outOfMemory(Process p, int access, long addr) {
        oomKill(p, oomVictim(p), access, addr);
    }

    // The OOM policy's victim among the live processes (p when it fails or names no live process).
    private Process oomVictim(Process p) {
        List<OomPolicy.Candidate> candidates = new ArrayList<>();
        for (Process c : table.all()) {
            if (c.state() != ProcessState.ZOMBIE && c.space != null) {
                candidates.add(new OomPolicy.Candidate(c.pid, c.name(), c.space.residentPages(),
                        c.space.swappedPages()));
            }
        }
        int pid;
        try {
            pid = candidates.isEmpty() ? p.pid : oomPolicy.choose(candidates);
        } catch (RuntimeException e) {
            LOG.error("OOM policy failed; killing the faulting process", e);
            pid = p.pid;
        }
        Process victim = table.get(pid);
        if (victim == null || victim.state() == ProcessState.ZOMBIE) {
            victim = p;
        }
        return victim;
    }

    // Kills victim with SIGKILL because p needed a page for access at addr and none could be found.
    private void oomKill(Process p, Process victim, int access, long addr) {
        long rss = victim.space.residentPages();
        String report = String.format("out of memory: killed pid %d (%s), resident set %d pages", victim.pid,
                victim.name(), rss);
        LOG.warn("{} (pid {} needed a page for a {} at pc=0x{} address 0x{}; swap {}/{} slots used)", report, p.pid,
                Access.name(access), Long.toHexString(p.context.pc), Long.toHexString(addr), vm.swapSlotsUsed(),
                vm.swapSlots());
        machine.tracer().record(TraceKind.NOTE, p.hart, victim.pid, rss, addr, report);
        vm.outOfMemoryKill(victim.pid);
        kill(victim, Signals.SIGKILL, String.format("out of memory: resident set %d pages, the largest", rss), addr);
    }

    /** A process the OOM policy chose while its own system call copied to or from its memory: killed when the call returns. */
    private Process pendingOomKill;
    /** The process whose system call is running now (null between calls). */
    private Process inSystemCall;

    // The VM manager's out-of-memory handler: a system call of pid copying to or from user memory found
    // no frame. The OOM policy picks a victim; another process is killed now (its memory is free when
    // this returns, so the copy is tried again: true); pid itself is killed when its call returns (false).
    private boolean reclaimForKernelAccess(int pid) {
        Process p = table.get(pid);
        if (p == null || p.state() == ProcessState.ZOMBIE) {
            return false;
        }
        Process victim = oomVictim(p);
        if (victim == p || victim == inSystemCall) {
            // a process in the middle of its system call is killed once the call returns
            pendingOomKill = victim;
            return false;
        }
        oomKill(p, victim, Access.WRITE, 0);
        return true;
    }

    /** Replaces the OOM policy (default: largest resident set). */
    public void setOomPolicy(OomPolicy policy) {
        this.oomPolicy = policy == null ? OomPolicy.LARGEST_RESIDENT_SET : policy;
    }

    /** Processes killed because memory and swap ran out: the VM manager's count (oom.kills), read there. */
    public long oomKills() {
        return vm.oomKills();
    }

    // A trap the process cannot survive: kill it with sig and report pc and address.
    private void fatal(Hart hart, int cause, long tval, int sig) {
        Process p = dispatcher.current(hart.id());
        if (p == null) {
            unexpectedTrap(hart, cause, tval);
            return;
        }
        String what = cause == TrapCause.ILLEGAL_INSTRUCTION
                ? String.format("%s at pc=0x%x (instruction 0x%x)", TrapCause.name(cause), p.context.pc, tval)
                : String.format("%s at pc=0x%x, address 0x%x", TrapCause.name(cause), p.context.pc, tval);
        kill(p, sig, what, tval);
    }

    private void unexpectedTrap(Hart hart, int cause, long tval) {
        LOG.error("unexpected trap {} (tval 0x{}) on hart {} with no process", TrapCause.name(cause),
                Long.toHexString(tval), hart.id());
        hart.setContext(null);
    }

    // External interrupt: claim the source, run its handler, complete it.
    private void externalInterrupt(Hart hart, int cause, long tval) {
        int source;
        while ((source = intc.claim(hart.id())) != 0) {
            machine.tracer().record(TraceKind.INTERRUPT, hart.id(), 0, source, 0);
            InterruptHandler h = irqHandlers.get(source);
            if (h == null) {
                LOG.debug("interrupt from source {} ({}) with no handler bound", source, intc.sourceName(source));
            } else {
                try {
                    h.interrupt(source);
                } catch (RuntimeException e) {
                    LOG.error("interrupt handler for source {} failed", source, e);
                }
            }
            intc.complete(hart.id(), source);
        }
    }

    // ---- process lifecycle ----

    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp) throws ExecFormatException {
        return spawn(path, image, argv, envp, TaskAttributes.DEFAULT);
    }

    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp, TaskAttributes attributes)
            throws ExecFormatException {
        ExecImage exec = parse(image);
        List<String> args = argv.isEmpty() ? List.of(path) : argv;
        if (table.size() >= settings.maxProcesses()) {
            throw new ExecFormatException("too many processes (" + settings.maxProcesses() + ")");
        }
        Process p = table.create(0, baseName(args.get(0)), args, dispatcher.now());
        ProgramLoader.Loaded loaded;
        try {
            loaded = loader.load(p.pid, exec, args, envp, path, randomBytes(p.pid));
        } catch (ExecFormatException e) {
            table.zombify(p, WaitStatus.exited(127), null, dispatcher.now());
            table.remove(p);
            throw e;
        }
        p.space = loaded.space();
        p.space.setPid(p.pid);
        p.user = loaded.user();
        p.context = loaded.context();
        p.setAttributes(attributes);
        if (terminal != null) {
            FileRef tty = newFile(terminal.open());
            for (int fd = 0; fd < 3; fd++) {
                p.files.put(fd, tty, false);
            }
        }
        machine.tracer().record(TraceKind.PROCESS_CREATE, -1, p.pid, 0, 0, p.name());
        dispatcher.admit(p);
        return p.pid;
    }

    /**
     * fork: a child with a copy of the parent's memory, registers (a0 = 0,
     * past the ecall), descriptors and name. Returns the child's pid, or
     * -EAGAIN at the process limit, -ENOMEM when memory runs out.
     */
    public long fork(Process parent) {
        if (table.size() >= settings.maxProcesses()) {
            return -Errno.EAGAIN;
        }
        AddressSpace space = parent.space.fork();
        if (space == null) {
            return -Errno.ENOMEM;
        }
        Process child = table.create(parent.pid, parent.name(), parent.argv(), dispatcher.now());
        child.space = space;
        space.setPid(child.pid);
        child.user = space.userMemory();
        child.context = parent.context.copy();
        child.context.x[HartContext.A0] = 0;
        child.context.pc += 4;
        child.files = parent.files.fork();
        child.inheritAttributes(parent);
        machine.tracer().record(TraceKind.PROCESS_CREATE, -1, child.pid, parent.pid, 0, child.name());
        dispatcher.makeReady(child);
        return child.pid;
    }

    /**
     * execve for process p running on hart h: loads the program at a guest
     * path (from the host mount), replacing p's image, descriptors marked
     * close-on-exec and name; returns 0 when the new image is in place, or a
     * negative errno with the old image untouched.
     */
    public long exec(Hart h, Process p, String path, List<String> argv, List<String> envp) {
        HostMount.Result file = host.read(path);
        if (file.errno() != 0) {
            return -file.errno();
        }
        ExecImage exec;
        try {
            exec = parse(file.bytes());
        } catch (ExecFormatException e) {
            LOG.debug("{}: execve {}: {}", p, path, e.getMessage());
            return -Errno.ENOEXEC;
        }
        ProgramLoader.Loaded loaded;
        try {
            loaded = loader.load(p.pid, exec, argv, envp, path, randomBytes(p.pid));
        } catch (ExecFormatException e) {
            return e.getMessage().contains("too long") ? -Errno.E2BIG : -Errno.ENOMEM;
        }
        // the old image goes first, so the trace states the new resident set last (setPid)
        p.keepMemoryCounters();
        p.space.destroy();
        p.space = loaded.space();
        p.space.setPid(p.pid);
        p.user = loaded.user();
        p.context = loaded.context();
        p.files.closeOnExec();
        p.rename(baseName(path), argv.isEmpty() ? List.of(path) : argv);
        h.mmu().setSatp(p.space.satp());
        h.setContext(p.context);
        machine.tracer().record(TraceKind.NOTE, h.id(), p.pid, 0, 0, "execve " + path);
        return 0;
    }

    /**
     * wait4 for process p, as Linux's kernel_wait4: pid is an int; -1 means
     * any child, 0 any child in p's process group, &lt; -1 any child in
     * group -pid, &gt; 0 that child. Reaps a zombie child that matches, then
     * stores its status at statusAddr (if not 0): a failed store answers
     * -EFAULT but the child is reaped all the same. Returns its pid; 0 with
     * WNOHANG when none has exited; -ECHILD when p has no such child; -ESRCH
     * for INT_MIN; or sleeps (RESTART).
     */
    public long waitChild(KernelCall call, Process p, long pid, long statusAddr, boolean noHang) {
        int upid = (int) pid;
        if (upid == Integer.MIN_VALUE) {
            return -Errno.ESRCH;
        }
        int group = upid == 0 ? p.pgid() : upid < -1 ? -upid : 0;
        Process zombie = null;
        boolean any = false;
        for (Process c : table.all()) {
            if (c.ppid() != p.pid || (upid > 0 && c.pid != upid) || (group != 0 && c.pgid() != group)) {
                continue;
            }
            any = true;
            if (c.state() == ProcessState.ZOMBIE) {
                zombie = c;
                break;
            }
        }
        if (!any) {
            return -Errno.ECHILD;
        }
        if (zombie == null) {
            if (noHang) {
                return 0;
            }
            if (p.childWait == null) {
                p.childWait = newWaitQueue("wait4 of pid " + p.pid);
            }
            call.sleepOn(p.childWait);
            return SyscallHandler.RESTART;
        }
        table.remove(zombie);
        if (statusAddr != 0 && !p.user.writeInt(statusAddr, zombie.waitStatus())) {
            return -Errno.EFAULT;
        }
        return zombie.pid;
    }

    /**
     * kill: sends signal sig to process pid from {@code sender}, with the
     * default action (no handlers yet): terminate, or nothing for signals
     * whose default is to ignore or stop. sig 0 only checks the target
     * exists. pid is an int: &gt; 0 that process; 0 every process in the
     * sender's process group; -1 every process but 1 and the sender; &lt; -1
     * every process in group -pid. Returns 0 or a negative errno (ESRCH,
     * EINVAL).
     */
    public long signal(Process sender, long pid, long sig) {
        if (sig < 0 || sig > 64) {
            return -Errno.EINVAL;
        }
        int upid = (int) pid;
        List<Process> targets = new ArrayList<>();
        if (upid > 0) {
            Process t = table.get(upid);
            if (t == null) {
                return -Errno.ESRCH;
            }
            targets.add(t);
        } else if (upid == -1) {
            for (Process t : table.all()) {
                if (t.pid != 1 && t != sender) {
                    targets.add(t);
                }
            }
        } else if (upid != Integer.MIN_VALUE) {
            int group = upid == 0 ? sender.pgid() : -upid;
            boolean self = false;
            for (Process t : table.all()) {
                if (t.pgid() == group) {
                    if (t == sender) {
                        self = true;        // last: the others are signalled before the sender may end
                    } else {
                        targets.add(t);
                    }
                }
            }
            if (self) {
                targets.add(sender);
            }
        }
        if (targets.isEmpty()) {
            return -Errno.ESRCH;
        }
        if (sig == 0) {
            return 0;
        }
        for (Process t : targets) {
            if (t.state() != ProcessState.ZOMBIE && SignalDefaults.terminates((int) sig)) {
                kill(t, (int) sig, "sent by pid " + sender.pid, 0);
            }
        }
        return 0;
    }

    /** Validates an executable with the first format that recognizes it. */
    public ExecImage parse(byte[] image) throws ExecFormatException {
        if (image.length == 0) {
            throw new ExecFormatException("empty file");
        }
        for (ExecFormat f : formats) {
            if (f.recognizes(image)) {
                return f.parse(image);
            }
        }
        if (formats.isEmpty()) {
            throw new ExecFormatException("no executable format is installed");
        }
        throw new ExecFormatException("not an ELF file (bad magic number)");
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    // AT_RANDOM's 16 bytes: from the kernel seed and the pid, so runs repeat.
    private byte[] randomBytes(int pid) {
        SplittableRandom r = new SplittableRandom(settings.seed() * 31 + pid);
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** exit_group: the calling process ends with exit code {@code code}. */
    public void exit(Process p, int code) {
        terminate(p, WaitStatus.exited(code), null);
    }

    /** Kills p with signal sig (default action: terminate), logging why. */
    public void kill(Process p, int sig, String why, long addr) {
        String report = String.format("pid %d (%s) killed by %s: %s", p.pid, p.name(), Signals.name(sig), why);
        // the launcher and shell show the report to the user; the log keeps it for --verbose
        LOG.info(report);
        killed++;
        machine.tracer().record(TraceKind.PROCESS_KILL, p.hart, p.pid, sig, addr, why);
        // no core dumps (as with the usual ulimit -c 0): the status carries the signal alone
        terminate(p, WaitStatus.signaled(sig, false), report);
    }

    // Makes p a zombie: off the CPU, memory and descriptors freed, children
    // re-parented to pid 1, the parent woken; reaped at once if it has no parent.
    private void terminate(Process p, int status, String report) {
        dispatcher.retire(p);
        p.files.closeAll();
        p.space.destroy();
        table.zombify(p, status, report, dispatcher.now());
        machine.tracer().record(TraceKind.PROCESS_EXIT, -1, p.pid, status, 0);
        Process init = table.get(1);
        int heir = init != null && init != p && init.state() != ProcessState.ZOMBIE ? 1 : 0;
        for (Process c : table.all()) {
            if (c.ppid() == p.pid) {
                c.setParent(heir);
                if (heir == 0 && c.state() == ProcessState.ZOMBIE) {
                    table.remove(c);
                } else if (heir == 1 && c.state() == ProcessState.ZOMBIE && init.childWait != null) {
                    init.childWait.wakeAll();
                }
            }
        }
        for (Consumer<ProcessView> l : exitListeners) {
            try {
                l.accept(p);
            } catch (RuntimeException e) {
                LOG.error("exit listener failed", e);
            }
        }
        Process parent = p.ppid() == 0 ? null : table.get(p.ppid());
        if (parent == null) {
            table.remove(p);
        } else if (parent.childWait != null) {
            parent.childWait.wakeAll();
        }
    }

    @Override
    public Optional<ProcessView> process(int pid) {
        return Optional.ofNullable(table.get(pid));
    }

    @Override
    public List<ProcessView> processes() {
        return new ArrayList<>(table.all());
    }

    @Override
    public void addExitListener(Consumer<ProcessView> listener) {
        exitListeners.addIfAbsent(listener);
    }

    @Override
    public void removeExitListener(Consumer<ProcessView> listener) {
        exitListeners.remove(listener);
    }

    @Override
    public WaitQueue newWaitQueue(String name) {
        return new KernelWaitQueue(name, dispatcher);
    }

    @Override
    public ProcessManager processManager() {
        return this;
    }

    // ---- accessors for the kernel's own syscalls and tests ----

    public Machine machine() {
        return machine;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public SyscallTable syscalls() {
        return syscalls;
    }

    /** Physical frames now (total, used, free, peak), as the VM manager counts them. */
    public FrameUsage frames() {
        return vm.frames();
    }

    /** The VM manager the kernel's address spaces come from. */
    public MemoryManager vm() {
        return vm;
    }

    public ProcessTable table() {
        return table;
    }

    public long killedCount() {
        return killed;
    }
}
