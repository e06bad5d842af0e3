package osbox.kernel.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.api.hw.Access;
import osbox.api.hw.HartContext;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.hw.Timer;
import osbox.api.hw.TrapCause;
import osbox.api.io.BlockLayer;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ExecFormat;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ExecImage;
import osbox.api.kernel.InterruptHandler;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.Signals;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.api.kernel.TerminalProvider;
import osbox.api.kernel.WaitQueue;
import osbox.api.kernel.WaitStatus;
import osbox.api.memory.FrameUsage;
import osbox.api.memory.MemoryManager;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.sched.TaskAttributes;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.kernel.core.calls.KernelCalls;
import osbox.kernel.core.files.OpenFiles;
import osbox.kernel.core.fs.BlockDevices;
import osbox.kernel.core.fs.HostMount;
import osbox.kernel.core.proc.CpuTimeLimit;
import osbox.kernel.core.proc.ExecFormats;
import osbox.kernel.core.futex.Futexes;
import osbox.kernel.core.futex.PiFutexes;
import osbox.kernel.core.futex.ThreadRelease;
import osbox.kernel.core.proc.ExitWait;
import osbox.kernel.core.proc.ForkExec;
import osbox.kernel.core.proc.OomKiller;
import osbox.kernel.core.proc.OomPolicy;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ProcessTable;
import osbox.kernel.core.proc.ProgramLoader;
import osbox.kernel.core.proc.SignalDelivery;
import osbox.kernel.core.waits.DeadlockDetector;
import osbox.kernel.core.waits.WaitForGraph;
import osbox.kernel.core.proc.SignalObserver;
import osbox.kernel.core.sched.Dispatcher;
import osbox.kernel.core.strace.StraceLog;
import osbox.kernel.core.strace.SyscallTracer;
import osbox.kernel.core.syscall.SyscallFrame;
import osbox.kernel.core.syscall.SyscallStatus;
import osbox.kernel.core.syscall.SyscallTable;
import osbox.kernel.core.trap.CpuCharges;
import osbox.kernel.core.trap.FaultTrap;
import osbox.kernel.core.trap.InterruptTrap;
import osbox.kernel.core.trap.SyscallTrap;
import osbox.kernel.core.trap.TrapTable;
import osbox.kernel.core.trap.UnexpectedTrap;
import osbox.kernel.support.Whiteboard;
import osbox.kernel.support.WhiteboardKind;

/**
 * The kernel core, plain Java: it builds the kernel's parts and wires them
 * (the dispatcher, the process table, fork and exec, exit and wait,
 * signals, the OOM killer, open files, the system-call table with the
 * kernel's own calls, the trap table), boots (installs the trap vector),
 * and keeps the whiteboard: what other bundles plug in (system calls,
 * executable formats, interrupt handlers, the terminal, scheduling
 * policies, the block layer) is listed in one table ({@link #whiteboard()}) and goes to the
 * part that uses it. It serves nothing itself: traps go to the trap
 * handlers, system calls to the table. Everything here runs on the
 * simulation thread; the whiteboard applies arrivals and departures at
 * safe points.
 */
public final class KernelCore implements Kernel, ProcessManager {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KernelCore.class);
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
    private final MemoryManager vm;
    private final Tracer tracer;
    private final ProcessTable table = new ProcessTable();
    private final Dispatcher<Process> dispatcher;
    private final ExitWait exits;
    private final Futexes futexes;
    private final PiFutexes piFutexes;
    private final SignalDelivery signals;
    private final OomKiller oom;
    private final DeadlockDetector<Process> deadlocks;
    private final ExecFormats formats = new ExecFormats();
    private final ForkExec forkExec;
    private final SyscallTable syscalls = new SyscallTable();
    private final SyscallTracer strace = new SyscallTracer(
            n -> n >= 0 && n < Syscalls.TABLE_SIZE ? syscalls.name((int) n) : "syscall " + n);
    private StraceLog straceSpawned;
    private final InterruptTrap interrupts;
    private final SyscallTrap ecall;
    private final TrapTable traps;
    private final CpuCharges charges;
    private final Whiteboard whiteboard;

    /**
     * Builds the kernel over a machine, with address spaces from the VM
     * manager {@code vm} (which it gives the kernel's clock), and installs
     * the kernel's own system calls; {@link #boot()} installs the trap
     * vector. Simulation thread.
     */
    public KernelCore(Machine machine, Timer timer, InterruptController intc, MemoryManager vm, Settings settings) {
        this.machine = machine;
        this.vm = vm;
        this.tracer = machine.tracer();
        this.dispatcher = new Dispatcher<>(machine, timer, settings.quantumCycles(), settings.watchdogCycles(),
                settings.seed());
        vm.useClock(dispatcher::now);
        // processes, bottom up: how they end, signals (which end them), the OOM killer (which signals)
        this.exits = new ExitWait(table, dispatcher, tracer);
        // a thread's robust futexes and clear_child_tid word are released (and their waiters woken) as it ends
        this.futexes = new Futexes(dispatcher);
        this.piFutexes = new PiFutexes(futexes, table, dispatcher, tracer);
        exits.setThreadEnd(new ThreadRelease(futexes, piFutexes)::released);
        this.signals = new SignalDelivery(table, exits, dispatcher, machine);
        // the return to user mode when the dispatcher puts a process on a hart: pending signals are delivered
        dispatcher.setResumeHook(signals::returnToUser);
        exits.setParentDeathSignal((orphan, sig) -> signals.send(orphan, orphan.pid(), sig));
        dispatcher.setCpuLimit(new CpuTimeLimit(machine.frequencyHz(), signals));
        this.oom = new OomKiller(table, signals, vm, tracer);
        OpenFiles files = new OpenFiles(dispatcher::newWaitQueue);
        // the wait-for graph over pipes, children and IPC waits; its detection policy kills with SIGKILL
        this.deadlocks = new DeadlockDetector<>(new WaitForGraph<>(table::all), tracer, pid -> {
            Process victim = table.get(pid);
            if (victim != null && victim.state() != ProcessState.ZOMBIE) {
                signals.kill(victim, Signals.SIGKILL, "deadlock victim", 0);
            }
        }, this::refuseWait);
        dispatcher.setWaitEndHook(deadlocks::waitEnds);
        this.forkExec = new ForkExec(new ForkExec.Parts(table, dispatcher, formats, new ProgramLoader(vm, oom),
                new HostMount(settings.hostDir()), files, oom, tracer, settings.maxProcesses(), settings.seed(),
                exits));
        for (KernelCalls.Entry e : KernelCalls.all()) {
            syscalls.install(e.number(), e.name(), e.call(), e.status());
            tracer.record(TraceKind.SERVICE, -1, 0, e.number(), 1, e.name());
        }
        // the trap table: each cause to the part that serves it
        UnexpectedTrap unexpected = new UnexpectedTrap();
        this.ecall = new SyscallTrap(machine, dispatcher, syscalls,
                new SyscallFrame.Parts(machine, table, forkExec, exits, signals, files, dispatcher, vm, futexes,
                        piFutexes, deadlocks), oom, strace,
                unexpected);
        FaultTrap faults = new FaultTrap(dispatcher, signals, oom, unexpected);
        this.interrupts = new InterruptTrap(intc, tracer);
        this.traps = new TrapTable(unexpected);
        traps.setException(TrapCause.ECALL_FROM_U, ecall);
        traps.setException(TrapCause.LOAD_PAGE_FAULT, (h, c, a) -> faults.pageFault(h, c, a, Access.READ));
        traps.setException(TrapCause.STORE_PAGE_FAULT, (h, c, a) -> faults.pageFault(h, c, a, Access.WRITE));
        traps.setException(TrapCause.INSTRUCTION_PAGE_FAULT, (h, c, a) -> faults.pageFault(h, c, a, Access.EXECUTE));
        // a software-managed TLB (refill=software) traps every miss to the kernel
        traps.setException(TrapCause.INSTRUCTION_TLB_MISS, faults::tlbMiss);
        traps.setException(TrapCause.LOAD_TLB_MISS, faults::tlbMiss);
        traps.setException(TrapCause.STORE_TLB_MISS, faults::tlbMiss);
        traps.setException(TrapCause.ILLEGAL_INSTRUCTION, (h, c, a) -> faults.fatal(h, c, a, Signals.SIGILL));
        traps.setException(TrapCause.BREAKPOINT, (h, c, a) -> faults.fatal(h, c, a, Signals.SIGTRAP));
        traps.setException(TrapCause.LOAD_MISALIGNED, (h, c, a) -> faults.fatal(h, c, a, Signals.SIGBUS));
        traps.setException(TrapCause.STORE_MISALIGNED, (h, c, a) -> faults.fatal(h, c, a, Signals.SIGBUS));
        traps.setException(TrapCause.INSTRUCTION_MISALIGNED, (h, c, a) -> faults.fatal(h, c, a, Signals.SIGBUS));
        traps.setException(TrapCause.LOAD_ACCESS_FAULT, (h, c, a) -> faults.fatal(h, c, a, Signals.SIGSEGV));
        traps.setException(TrapCause.STORE_ACCESS_FAULT, (h, c, a) -> faults.fatal(h, c, a, Signals.SIGSEGV));
        traps.setException(TrapCause.INSTRUCTION_ACCESS_FAULT, (h, c, a) -> faults.fatal(h, c, a, Signals.SIGSEGV));
        traps.setTimer((h, c, a) -> dispatcher.tick(h));
        traps.setExternal(interrupts);
        this.charges = new CpuCharges(machine.hartCount());
        this.whiteboard = new Whiteboard("kernel", machine, whiteboardKinds());
    }

    /** Boot: installs the trap table in the machine (like writing stvec). Simulation thread. */
    public void boot() {
        // every trap first tells the dispatcher the hart's clock: times recorded are the hart's own
        machine.setTrapVector((hart, cause, tval) -> {
            dispatcher.observe(hart.cycle());
            charges.enter(hart.id());
            try {
                traps.trap(hart, cause, tval);
            } finally {
                // kernel work charged to this hart (a driver's PIO copy, polling): it pays before user code runs
                long charged = charges.leave(hart.id());
                if (charged > 0) {
                    hart.addCycles(charged);
                }
            }
            // the return to user mode after every trap: signals are delivered (one field test when none)
            Process running = dispatcher.current(hart.id());
            if (running != null) {
                signals.returnToUser(running);
            }
            // swap transfers this trap caused: the hart waited for them
            long swapped = vm.takeSwapCycles();
            if (swapped > 0) {
                hart.addCycles(swapped);
            }
        });
        tracer.record(TraceKind.NOTE, -1, 0, 0, 0, "kernel booted");
    }

    /** Shutdown: removes the trap table, kills every process and idles every hart. */
    public void shutdown() {
        machine.setTrapVector(null);
        for (Process p : table.all()) {
            if (p.state() != ProcessState.ZOMBIE && p.group().liveCount() > 0) {
                exits.terminate(p, WaitStatus.signaled(Signals.SIGKILL, false), "kernel shut down");
            }
        }
        vm.useClock(null);
    }

    // ---- the whiteboard (simulation thread, at safe points) ----

    /**
     * The kernel's whiteboard table: each kind of service other bundles plug
     * into the kernel, the property that names one, and where it goes. The
     * kernel component's trackers (KernelWhiteboard) and the harness both
     * bind through it, so a new kind (block devices, file system types,
     * NICs...) is one more line here.
     */
    private List<WhiteboardKind<?, ?>> whiteboardKinds() {
        return List.of(
                WhiteboardKind.numbered(SyscallHandler.class, SyscallHandler.NUMBER, Syscalls.TABLE_SIZE,
                        (number, h, props) -> installSyscall(number, syscallName(number, props), h,
                                SyscallStatus.parse(props.get(SyscallHandler.STATUS))),
                        this::removeSyscall),
                WhiteboardKind.every(ExecFormat.class, this::addFormat, this::removeFormat),
                WhiteboardKind.every(InterruptHandler.class, this::addInterruptHandler, this::removeInterruptHandler),
                WhiteboardKind.one(TerminalProvider.class, this::setTerminal, this::clearTerminal),
                WhiteboardKind.named(SchedulingPolicyProvider.class, SchedulingPolicyProvider.NAME,
                        dispatcher::addProvider, dispatcher::removeProvider),
                WhiteboardKind.named(DeadlockPolicyProvider.class, DeadlockPolicyProvider.NAME,
                        deadlocks.slot()::addProvider, deadlocks.slot()::removeProvider),
                WhiteboardKind.one(BlockLayer.class, this::setBlockLayer, this::clearBlockLayer));
    }

    /**
     * A deadlock policy refused the wait of t, which sleeps in the wait-for
     * graph: its call answers -EDEADLK (past the ecall, as a signal's EINTR
     * is answered) and t is woken; the mechanism it slept in drops its
     * waiter as for an interrupted wait.
     */
    private void refuseWait(Process t) {
        t.sched().restartServed();
        t.context().x[HartContext.A0] = -Errno.EDEADLK;
        t.context().pc += 4;
        dispatcher.wake(t);
    }

    // A handler's name property, or "syscall N".
    private static String syscallName(int number, Map<String, ?> props) {
        Object name = props.get(SyscallHandler.NAME);
        return name == null ? "syscall " + number : String.valueOf(name);
    }

    /**
     * The whiteboard: what other bundles' services {@link Whiteboard#arrived}
     * and {@link Whiteboard#departed} are bound through (any thread; applied
     * here at safe points).
     */
    public Whiteboard whiteboard() {
        return whiteboard;
    }

    /** Installs another bundle's system call handler for a number (replacing what was there); traced. */
    public void installSyscall(int number, String name, SyscallHandler h) {
        installSyscall(number, name, h, SyscallStatus.UNDECLARED);
    }

    /** As {@link #installSyscall(int, String, SyscallHandler)}, with the status its registration declares. */
    public void installSyscall(int number, String name, SyscallHandler h, SyscallStatus status) {
        syscalls.install(number, name, h, status);
        tracer.record(TraceKind.SERVICE, -1, 0, number, 1, name);
        ecall.handlerArrived(number);
    }

    /**
     * Removes a handler if it is the one installed for the number; traced.
     * The number then answers ENOSYS, unless the handler says a successor
     * is expected ({@link SyscallHandler#successorExpected}, asked here and
     * distrusted: a throw counts as no): its callers then wait for it.
     */
    public void removeSyscall(int number, SyscallHandler h) {
        boolean hold;
        try {
            hold = h != null && h.successorExpected();
        } catch (RuntimeException e) {
            LOG.warn("syscall {} handler failed to say whether a successor comes; its calls answer ENOSYS",
                    syscalls.name(number), e);
            hold = false;
        }
        if (syscalls.remove(number, h, hold)) {
            tracer.record(TraceKind.SERVICE, -1, 0, number, 0, syscalls.name(number) + (hold ? " (held)" : ""));
        }
    }

    /** An executable format arrived (tried after those before it). */
    public void addFormat(ExecFormat f) {
        formats.add(f);
    }

    /** An executable format left. */
    public void removeFormat(ExecFormat f) {
        formats.remove(f);
    }

    /** The terminal new top-level processes get as descriptors 0-2 (null: none). */
    public void setTerminal(TerminalProvider t) {
        forkExec.setTerminal(t);
    }

    /**
     * The block layer arrived: its disks appear in /dev as vda, vdb, ...,
     * their open files moving data through kernel frames of the VM manager.
     */
    public void setBlockLayer(BlockLayer layer) {
        forkExec.namespace().setBlockDevices(new BlockDevices(layer, machine.memory(), new BlockDevices.Frames() {
            @Override
            public long allocate() {
                return vm.allocateKernelFrame();
            }

            @Override
            public void free(long ppn) {
                vm.freeKernelFrame(ppn);
            }
        }, dispatcher::newWaitQueue));
    }

    /** The block layer left: /dev shows no disks (files already open keep theirs). */
    public void clearBlockLayer(BlockLayer layer) {
        BlockDevices d = forkExec.namespace().blockDevices();
        if (d != null && d.layer() == layer) {
            forkExec.namespace().setBlockDevices(null);
        }
    }

    /** The terminal left: new processes get no descriptors 0-2 until another comes. */
    public void clearTerminal(TerminalProvider t) {
        if (forkExec.terminal() == t) {
            forkExec.setTerminal(null);
        }
    }

    /** A driver's interrupt handler arrived for its source. */
    public void addInterruptHandler(InterruptHandler h) {
        interrupts.add(h);
    }

    /** A driver's interrupt handler left. */
    public void removeInterruptHandler(InterruptHandler h) {
        interrupts.remove(h);
    }

    // ---- Kernel and ProcessManager ----

    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp) throws ExecFormatException {
        return spawn(path, image, argv, envp, TaskAttributes.DEFAULT);
    }

    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp, TaskAttributes attributes)
            throws ExecFormatException {
        int pid = forkExec.spawn(path, image, argv, envp, attributes);
        if (straceSpawned != null) {
            table.get(pid).setTraced(strace.start(straceSpawned));
        }
        return pid;
    }

    // ---- strace (simulation thread) ----

    /**
     * Traces every process spawned from now on into {@code log} (null:
     * none), from its first system call: osbox run --strace.
     */
    public void traceSpawned(StraceLog log) {
        straceSpawned = log;
    }

    /**
     * Traces process pid's system calls and signals into {@code log} from
     * its next call on (replacing any tracing it had); false when there is
     * no such process or it has ended.
     */
    public boolean trace(int pid, StraceLog log) {
        Process p = table.get(pid);
        if (p == null || p.state() == ProcessState.ZOMBIE) {
            return false;
        }
        p.setTraced(strace.start(log));
        return true;
    }

    /** Stops tracing process pid; false when it was not traced (or does not exist). */
    public boolean untrace(int pid) {
        Process p = table.get(pid);
        if (p == null || p.traced() == null) {
            return false;
        }
        p.setTraced(null);
        return true;
    }

    @Override
    public Optional<ProcessView> process(int pid) {
        return Optional.ofNullable(table.get(pid));
    }

    @Override
    public List<ProcessView> processes() {
        return new ArrayList<>(table.processes());
    }

    /** Every open file description a living process's descriptors refer to, each once, by pid and descriptor. */
    @Override
    public List<osbox.api.kernel.OpenFile> openFiles() {
        List<osbox.api.kernel.OpenFile> out = new ArrayList<>();
        java.util.Set<osbox.api.kernel.OpenFile> seen = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>());
        for (Process p : table.processes()) {
            if (p.state() != osbox.api.kernel.ProcessState.ZOMBIE) {
                p.files().forEachFile(f -> {
                    if (seen.add(f)) {
                        out.add(f);
                    }
                });
            }
        }
        return out;
    }

    /** Every thread not yet ended (a process's leader too, until reaped), by tid. */
    @Override
    public List<ProcessView> threads() {
        return new ArrayList<>(table.all());
    }

    @Override
    public void addExitListener(Consumer<ProcessView> listener) {
        exits.addExitListener(listener);
    }

    @Override
    public void removeExitListener(Consumer<ProcessView> listener) {
        exits.removeExitListener(listener);
    }

    @Override
    public void addThreadExitListener(Consumer<ProcessView> listener) {
        exits.addThreadExitListener(listener);
    }

    @Override
    public void removeThreadExitListener(Consumer<ProcessView> listener) {
        exits.removeThreadExitListener(listener);
    }

    /** A signal from a driver (the terminal) to a process group, delivered as kill(2)'s are. */
    @Override
    public long killGroup(int pgid, int sig) {
        return signals.sendToGroup(pgid, sig);
    }

    /** A subsystem's signal with its siginfo (a message queue's notification), delivered as kill(2)'s are. */
    @Override
    public long queueSignal(int pid, int sig, int code, int senderPid, int senderUid, long value) {
        return signals.queue(pid, osbox.kernel.core.proc.SigInfo.queued(sig, code, senderPid, senderUid, value));
    }

    @Override
    public WaitQueue newWaitQueue(String name) {
        return dispatcher.newWaitQueue(name);
    }

    @Override
    public ProcessManager processManager() {
        return this;
    }

    /** The hart whose trap is being handled, -1 outside any trap. */
    @Override
    public int currentHart() {
        return charges.current();
    }

    /** Kernel work for {@code hart}: its clock moves on by that much at the end of its trap (this one or the next). */
    @Override
    public void chargeCpu(int hart, long cycles) {
        charges.charge(hart, cycles);
    }

    // ---- for the component, the harness, reports and tests ----

    /** Validates an executable with the installed formats (the reason it would be refused, thrown). */
    public ExecImage parse(byte[] image) throws ExecFormatException {
        return formats.parse(image);
    }

    /** Replaces the OOM policy (default: largest resident set). */
    public void setOomPolicy(OomPolicy policy) {
        oom.setPolicy(policy);
    }

    /** Processes killed because memory and swap ran out: the VM manager's count (oom.kills), read there. */
    public long oomKills() {
        return vm.oomKills();
    }

    /** The machine the kernel runs on. */
    public Machine machine() {
        return machine;
    }

    /** The wait-for graph and its detection policy (mode, the deadlocks found). Simulation thread. */
    public DeadlockDetector<Process> deadlocks() {
        return deadlocks;
    }

    /** The scheduling mechanism (its policy slot: SchedulingControl, the harness, benchmarks). */
    public Dispatcher<Process> dispatcher() {
        return dispatcher;
    }

    /** The system-call table (what is installed, how often each number was called). */
    public SyscallTable syscalls() {
        return syscalls;
    }

    /** System calls whose handler threw since boot (kernel bugs, answered -ENOSYS). Simulation thread. */
    public long syscallHandlerFailures() {
        return ecall.handlerFailures();
    }

    /** Physical frames now (total, used, free, peak), as the VM manager counts them. */
    public FrameUsage frames() {
        return vm.frames();
    }

    /** The VM manager the kernel's address spaces come from. */
    public MemoryManager vm() {
        return vm;
    }

    /** Every process not yet reaped, by pid; use only on the simulation thread. */
    public ProcessTable table() {
        return table;
    }

    /** Tells {@code observer} of every signal delivered to a handler (the strace view); null: no one. */
    public void setSignalObserver(SignalObserver observer) {
        signals.setObserver(observer);
    }

    /** Processes killed by a signal (faults, kill, the OOM killer) since boot. */
    public long killedCount() {
        return signals.killed();
    }
}
