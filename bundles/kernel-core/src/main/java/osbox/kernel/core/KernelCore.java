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
import osbox.api.hw.PhysicalMemory;
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
import osbox.api.trace.TraceKind;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ProcessTable;
import osbox.kernel.core.proc.ProgramLoader;
import osbox.kernel.core.sched.Dispatcher;
import osbox.kernel.core.sched.KernelWaitQueue;
import osbox.kernel.core.syscall.KernelCall;
import osbox.kernel.core.syscall.SyscallTable;
import osbox.kernel.core.trap.TrapTable;
import osbox.kernel.core.vm.AddressSpace;
import osbox.kernel.core.vm.AsidAllocator;
import osbox.kernel.core.vm.FrameAllocator;
import osbox.kernel.core.vm.TlbShootdown;

/**
 * The kernel core, plain Java: boot (trap table), processes, trap dispatch,
 * faults, syscalls, interrupts. Everything here runs on the simulation
 * thread; the component feeds it services through safe-point tasks.
 */
public final class KernelCore implements Kernel, ProcessManager {
    private static final Logger LOG = LoggerFactory.getLogger(KernelCore.class);

    /** Kernel settings fixed at boot. */
    public record Settings(long quantumCycles, long seed) {
        public static Settings defaults() {
            return new Settings(1_000_000, 0x05B0C5L);
        }
    }

    private final Machine machine;
    private final PhysicalMemory memory;
    private final InterruptController intc;
    private final Settings settings;
    private final FrameAllocator frames;
    private final AsidAllocator asids = new AsidAllocator();
    private final ProcessTable table = new ProcessTable();
    private final Dispatcher dispatcher;
    private final SyscallTable syscalls = new SyscallTable();
    private final TrapTable traps;
    private final KernelCall[] calls;
    private final TlbShootdown shootdown;
    private final ProgramLoader loader;
    private final List<ExecFormat> formats = new ArrayList<>();
    private final TreeMap<Integer, InterruptHandler> irqHandlers = new TreeMap<>();
    private final CopyOnWriteArrayList<Consumer<ProcessView>> exitListeners = new CopyOnWriteArrayList<>();
    private long killed;
    private TerminalProvider terminal;
    private long nextInode = 1;
    private int nextPipe = 1;

    /** Builds the kernel over a machine; {@link #boot()} installs it. */
    public KernelCore(Machine machine, Timer timer, InterruptController intc, Settings settings) {
        this.machine = machine;
        this.memory = machine.memory();
        this.intc = intc;
        this.settings = settings;
        this.frames = new FrameAllocator(0, memory.frameCount());
        this.dispatcher = new Dispatcher(machine, timer, settings.quantumCycles());
        this.calls = new KernelCall[machine.hartCount()];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = new KernelCall(this);
        }
        this.shootdown = new TlbShootdown() {
            @Override
            public void flushPage(long va, int asid) {
                for (int i = 0; i < machine.hartCount(); i++) {
                    machine.hart(i).mmu().flushPage(va, asid);
                }
            }

            @Override
            public void flushAsid(int asid) {
                for (int i = 0; i < machine.hartCount(); i++) {
                    machine.hart(i).mmu().flushAsid(asid);
                }
            }
        };
        this.loader = new ProgramLoader(memory, frames, asids, shootdown);
        this.traps = new TrapTable(this::unexpectedTrap);
        traps.setException(TrapCause.ECALL_FROM_U, this::systemCall);
        traps.setException(TrapCause.LOAD_PAGE_FAULT, (h, c, a) -> pageFault(h, c, a, Access.READ));
        traps.setException(TrapCause.STORE_PAGE_FAULT, (h, c, a) -> pageFault(h, c, a, Access.WRITE));
        traps.setException(TrapCause.INSTRUCTION_PAGE_FAULT, (h, c, a) -> pageFault(h, c, a, Access.EXECUTE));
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
        machine.setTrapVector(traps);
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
            try {
                result = h.invoke(call);
            } catch (RuntimeException e) {
                LOG.error("syscall {} handler failed for {}; answered ENOSYS", syscalls.name((int) number), p, e);
                machine.tracer().record(TraceKind.NOTE, hart.id(), p.pid, number, 0, "syscall handler failed: " + e);
                result = -Errno.ENOSYS;
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
            machine.tracer().record(TraceKind.PAGE_FAULT, hart.id(), p.pid, addr, access);
            return;
        }
        if (r == AddressSpace.OOM) {
            kill(p, Signals.SIGKILL, String.format("out of memory serving a %s fault at pc=0x%x address 0x%x",
                    Access.name(access), p.context.pc, addr), addr);
            return;
        }
        fatal(hart, cause, addr, Signals.SIGSEGV);
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
        ExecImage exec = parse(image);
        List<String> args = argv.isEmpty() ? List.of(path) : argv;
        Process p = table.create(0, baseName(args.get(0)), args, machine.now());
        try {
            loader.load(p, exec, args, envp, path, randomBytes(p.pid));
        } catch (ExecFormatException e) {
            table.zombify(p, WaitStatus.exited(127), null, machine.now());
            table.remove(p);
            throw e;
        }
        if (terminal != null) {
            FileRef tty = newFile(terminal.open());
            for (int fd = 0; fd < 3; fd++) {
                p.files.put(fd, tty, false);
            }
        }
        machine.tracer().record(TraceKind.PROCESS_CREATE, -1, p.pid, 0, 0, p.name());
        dispatcher.makeReady(p);
        return p.pid;
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
        terminate(p, WaitStatus.signaled(sig, sig == Signals.SIGSEGV || sig == Signals.SIGILL
                || sig == Signals.SIGBUS || sig == Signals.SIGTRAP), report);
    }

    // Makes p a zombie: off the CPU, memory freed, listeners told; reaped at once if it has no parent.
    private void terminate(Process p, int status, String report) {
        dispatcher.retire(p);
        p.files.closeAll();
        p.space.destroy();
        table.zombify(p, status, report, machine.now());
        machine.tracer().record(TraceKind.PROCESS_EXIT, -1, p.pid, status, 0);
        for (Consumer<ProcessView> l : exitListeners) {
            try {
                l.accept(p);
            } catch (RuntimeException e) {
                LOG.error("exit listener failed", e);
            }
        }
        if (p.ppid() == 0) {
            table.remove(p);
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

    public FrameAllocator frames() {
        return frames;
    }

    public ProcessTable table() {
        return table;
    }

    public long killedCount() {
        return killed;
    }
}
