package osbox.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import osbox.api.hw.Console;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.Timer;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.api.memory.MemoryManager;
import osbox.hw.console.ConsoleDevice;
import osbox.hw.cpu.RiscvCpu;
import osbox.hw.intc.PlatformInterruptController;
import osbox.hw.machine.SimulatedMachine;
import osbox.hw.memory.FrameStore;
import osbox.hw.mmu.Sv39Mmu;
import osbox.hw.mmu.TlbConfig;
import osbox.hw.timer.HartTimers;
import osbox.api.policy.PolicyControl;
import osbox.kernel.core.KernelCore;
import osbox.kernel.core.SchedulingControl;
import osbox.kernel.support.Whiteboard;
import osbox.vm.manager.ReplacementControl;
import osbox.vm.manager.core.VmManager;

/**
 * The whole osbox computer assembled in plain Java, as the OSGi
 * distribution wires it, for tests, benchmarks and tools that do not need
 * the framework: the same hardware, VM manager and kernel cores, and the
 * other bundles' components (found through their own DS descriptors)
 * plugged in through the same whiteboard tables the distribution's
 * trackers use ({@link KernelCore#whiteboard()},
 * {@link VmManager#whiteboard()}). One program run per {@link #run} call.
 */
public final class Computer implements AutoCloseable {
    /**
     * Hardware and kernel settings (swapBytes 0: no swap; tlb: a
     * {@link TlbConfig} spec such as "64x4" or "refill=software", which then
     * replaces tlbEntries, or null for a direct-mapped TLB of tlbEntries
     * with ASIDs and hardware refill).
     */
    public record Options(long memoryBytes, int harts, long quantumCycles, long sliceCycles, long trapCycles,
            int tlbEntries, long seed, int maxProcesses, Path hostDir, long swapBytes, String tlb) {
        /** With the direct-mapped TLB of tlbEntries. */
        public Options(long memoryBytes, int harts, long quantumCycles, long sliceCycles, long trapCycles,
                int tlbEntries, long seed, int maxProcesses, Path hostDir, long swapBytes) {
            this(memoryBytes, harts, quantumCycles, sliceCycles, trapCycles, tlbEntries, seed, maxProcesses,
                    hostDir, swapBytes, null);
        }

        /** Without swap. */
        public Options(long memoryBytes, int harts, long quantumCycles, long sliceCycles, long trapCycles,
                int tlbEntries, long seed, int maxProcesses, Path hostDir) {
            this(memoryBytes, harts, quantumCycles, sliceCycles, trapCycles, tlbEntries, seed, maxProcesses,
                    hostDir, 0);
        }

        /** 64 MiB, one hart, 1 ms quantum, 128 processes, nothing mounted at /host, no swap. */
        public static Options defaults() {
            return new Options(64L << 20, 1, 1_000_000, 100_000, 100, 256, 0x05B0C5L, 128, null, 0);
        }

        public Options withMemory(long bytes) {
            return new Options(bytes, harts, quantumCycles, sliceCycles, trapCycles, tlbEntries, seed, maxProcesses,
                    hostDir, swapBytes, tlb);
        }

        /** A swap area of this many bytes (0: none). */
        public Options withSwap(long bytes) {
            return new Options(memoryBytes, harts, quantumCycles, sliceCycles, trapCycles, tlbEntries, seed,
                    maxProcesses, hostDir, bytes, tlb);
        }

        public Options withHarts(int n) {
            return new Options(memoryBytes, n, quantumCycles, sliceCycles, trapCycles, tlbEntries, seed,
                    maxProcesses, hostDir, swapBytes, tlb);
        }

        public Options withQuantum(long cycles) {
            return new Options(memoryBytes, harts, cycles, sliceCycles, trapCycles, tlbEntries, seed, maxProcesses,
                    hostDir, swapBytes, tlb);
        }

        public Options withMaxProcesses(int n) {
            return new Options(memoryBytes, harts, quantumCycles, sliceCycles, trapCycles, tlbEntries, seed, n,
                    hostDir, swapBytes, tlb);
        }

        /** Mounts a host directory read-only at /host. */
        public Options withHostDir(Path dir) {
            return new Options(memoryBytes, harts, quantumCycles, sliceCycles, trapCycles, tlbEntries, seed,
                    maxProcesses, dir, swapBytes, tlb);
        }

        /**
         * Every hart's TLB as a {@link TlbConfig} spec ("64x4", "16xfull",
         * "asid=off", "refill=software"...; null: tlbEntries direct-mapped).
         * Throws IllegalArgumentException for a bad spec.
         */
        public Options withTlb(String spec) {
            if (spec != null) {
                try {
                    TlbConfig.parse(spec);
                } catch (IllegalArgumentException e) {
                    // the parser says why; the spec is the caller's to name
                    throw new IllegalArgumentException("TLB spec '" + spec + "': " + e.getMessage(), e);
                }
            }
            return new Options(memoryBytes, harts, quantumCycles, sliceCycles, trapCycles, tlbEntries, seed,
                    maxProcesses, hostDir, swapBytes, spec);
        }

        /** The MMU these options describe. */
        Sv39Mmu mmu() {
            return tlb != null ? new Sv39Mmu(TlbConfig.parse(tlb)) : new Sv39Mmu(tlbEntries);
        }
    }

    /** What one run produced. */
    public record Result(int waitStatus, int shellStatus, byte[] stdout, String killReport, long instructions,
            long cpuCycles, MachineStatistics machine, long traceHash, long traceEvents) {
        public String stdoutText() {
            return new String(stdout, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final SimulatedMachine machine;
    private final VmManager memoryManager;
    private final KernelCore kernel;
    private final ConsoleDevice console;
    private final Map<String, Object> services = new LinkedHashMap<>();

    private Computer(Options o) throws Exception {
        FrameStore memory = new FrameStore(o.memoryBytes());
        PlatformInterruptController intc = new PlatformInterruptController(64);
        machine = new SimulatedMachine(new SimulatedMachine.Settings(o.harts(), 1_000_000_000L, o.sliceCycles(),
                o.trapCycles(), 262_144), memory, new RiscvCpu(), o.mmu(), intc);
        HartTimers timer = new HartTimers(machine.events(), intc);
        console = new ConsoleDevice(machine::submit, intc);
        machine.start();
        // the VM manager first (the distribution's osbox.vm.manager bundle), then the kernel that uses it
        memoryManager = machine.call(() -> new VmManager(machine, new VmManager.Settings(o.swapBytes(),
                VmManager.Settings.SWAP_CYCLES, o.seed())));
        kernel = machine.call(() -> {
            KernelCore k = new KernelCore(machine, timer, intc, memoryManager, new KernelCore.Settings(
                    o.quantumCycles(), o.seed(), o.maxProcesses(), o.hostDir(), 30_000_000_000L));
            k.boot();
            return k;
        });
        // what the framework's components would find: the hardware's, the kernel's and the VM manager's services
        services.put(Machine.class.getName(), machine);
        services.put(Timer.class.getName(), timer);
        services.put(InterruptController.class.getName(), intc);
        services.put(Console.class.getName(), console);
        services.put(Kernel.class.getName(), kernel);
        services.put(ProcessManager.class.getName(), kernel);
        services.put(MemoryManager.class.getName(), memoryManager);
        wireComponents(List.of(kernel.whiteboard(), memoryManager.whiteboard()));
    }

    /** Powers on a computer and boots the kernel. */
    public static Computer boot(Options options) throws Exception {
        return new Computer(options);
    }

    /**
     * Makes every component on the classpath that provides a kind of service
     * one of the machine's whiteboards takes (the kernel's: system calls,
     * executable formats, interrupt handlers, the terminal, scheduling
     * policies; the VM manager's: page-replacement policies), and those
     * whose services their constructors need, injecting constructor
     * references as SCR would, and offers each component's services
     * to the whiteboards with its descriptor's properties: the same tables
     * and the same binding (at the next safe point) as the distribution's
     * trackers. Runs on the caller's thread, as the framework's would; the
     * bindings are all done when it returns.
     */
    /** The block layer's service interface (left out of the wiring: see wireComponents). */
    private static final String BLOCK_LAYER = "osbox.api.io.BlockLayer";

    private void wireComponents(List<Whiteboard> whiteboards) throws Exception {
        List<ComponentDescriptors.Descriptor> all = ComponentDescriptors.load(Computer.class.getClassLoader());
        List<ComponentDescriptors.Descriptor> pending = new ArrayList<>();
        for (ComponentDescriptors.Descriptor d : all) {
            // the block layer is left out: the harness machine has no disks, and a test that needs one offers
            // its own (FakeBlockLayer) to the kernel's whiteboard, which binds one block layer only
            if (d.services().contains(BLOCK_LAYER)) {
                continue;
            }
            if (d.services().stream().anyMatch(s -> takes(whiteboards, s))) {
                pending.add(d);
            }
        }
        // and the components that give what their constructors need, when the harness does not
        for (int i = 0; i < pending.size(); i++) {
            for (ComponentDescriptors.Reference r : pending.get(i).references()) {
                if (r.parameter() < 0 || services.containsKey(r.service())) {
                    continue;
                }
                for (ComponentDescriptors.Descriptor d : all) {
                    if (d.services().contains(r.service()) && !pending.contains(d)) {
                        pending.add(d);
                    }
                }
            }
        }
        // a component whose constructor needs another one's service waits for it, as SCR would
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (ComponentDescriptors.Descriptor d : new ArrayList<>(pending)) {
                Object component = instantiate(d);
                if (component == null) {
                    continue;
                }
                pending.remove(d);
                progress = true;
                for (String service : d.services()) {
                    services.putIfAbsent(service, component);
                    for (Whiteboard w : whiteboards) {
                        w.offer(service, component, d.properties());
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("components not satisfied: "
                    + pending.stream().map(ComponentDescriptors.Descriptor::name).toList());
        }
        // the kernel installs its own calls; uname comes from the sysinfo bundle's components
        if (!machine.call(() -> kernel.syscalls().installed(osbox.api.kernel.Syscalls.UNAME))) {
            throw new IllegalStateException("no syscall handler components found on the classpath "
                    + "(are the kernel bundles' OSGI-INF descriptors there?)");
        }
    }

    // Whether one of the whiteboards has a kind for this service interface.
    private static boolean takes(List<Whiteboard> whiteboards, String service) {
        for (Whiteboard w : whiteboards) {
            if (w.kind(service) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Constructs a component through its activation constructor (the
     * descriptor's parameter count, each parameter a reference's service);
     * null while a service it needs is not there yet. Throws
     * IllegalStateException for what the harness cannot give: an activation
     * object (configuration, bundle context), or a mandatory reference that
     * is not a constructor parameter.
     */
    private Object instantiate(ComponentDescriptors.Descriptor d) throws ReflectiveOperationException {
        Object[] args = new Object[d.constructorParameters()];
        String[] types = new String[args.length];
        for (ComponentDescriptors.Reference r : d.references()) {
            if (r.parameter() < 0) {
                if (r.mandatoryUnary()) {
                    throw new IllegalStateException("component " + d.name() + ": reference " + r.name()
                            + " is not a constructor parameter; the harness injects only those");
                }
                continue;
            }
            if (!r.mandatoryUnary()) {
                throw new IllegalStateException("component " + d.name() + ": constructor reference " + r.name()
                        + " has cardinality " + r.cardinality() + "; the harness injects only 1..1");
            }
            Object service = services.get(r.service());
            if (service == null) {
                return null;
            }
            args[r.parameter()] = service;
            types[r.parameter()] = r.service();
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new IllegalStateException("component " + d.name() + ": constructor parameter " + i
                        + " is an activation object (configuration, context); the harness cannot make it");
            }
        }
        Class<?> c = Class.forName(d.implementation(), true, Computer.class.getClassLoader());
        for (Constructor<?> k : c.getConstructors()) {
            if (k.getParameterCount() == args.length && accepts(k.getParameterTypes(), args)) {
                return k.newInstance(args);
            }
        }
        throw new IllegalStateException("component " + d.name() + ": no public constructor takes "
                + java.util.Arrays.toString(types));
    }

    // Whether each argument is an instance of its parameter's type.
    private static boolean accepts(Class<?>[] parameters, Object[] args) {
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    /** Chooses the scheduling policy (see PolicyControl.use); false if no such provider. */
    public boolean schedule(String policy, Map<String, String> options) throws Exception {
        return machine.call(() -> kernel.dispatcher().select(policy, options));
    }

    /** The scheduling slot's control, as the distribution's {@link SchedulingControl} component gives it. */
    public PolicyControl schedulerControl() {
        return SchedulingControl.of(kernel.dispatcher(), machine);
    }

    /** The page-replacement slot's control, as the distribution's {@link ReplacementControl} component gives it. */
    public PolicyControl replacementControl() {
        return ReplacementControl.of(memoryManager, machine);
    }

    /** Runs an ELF file to completion with the given arguments (argv[0] is added) and stdin. */
    public Result run(Path elf, List<String> args, byte[] stdin) throws Exception {
        return run(elf.toString(), Files.readAllBytes(elf), args, stdin);
    }

    /**
     * Runs an image to completion (argv = [path] + args) with stdin as the
     * console's input; waits at most ten minutes of host time.
     */
    public Result run(String path, byte[] image, List<String> args, byte[] stdin) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        console.connect(stdin == null ? null : new ByteArrayInputStream(stdin), out);
        CompletableFuture<ProcessView> done = new CompletableFuture<>();
        List<String> argv = new ArrayList<>();
        argv.add(path);
        argv.addAll(args);
        int pid = machine.call(() -> {
            int p = kernel.spawn(path, image, argv, List.of("PATH=/bin", "HOME=/"));
            kernel.addExitListener(v -> {
                if (v.pid() == p) {
                    done.complete(v);
                }
            });
            return p;
        });
        ProcessView v = done.get(10, TimeUnit.MINUTES);
        return machine.call(() -> {
            console.flush();
            return new Result(v.waitStatus(), osbox.api.kernel.WaitStatus.shellStatus(v.waitStatus()),
                    out.toByteArray(), v.killReport(), v.instructions(), v.cpuCycles(), machine.statistics(),
                    machine.tracer().hash(), machine.tracer().count());
        });
    }

    /** Starts a program without waiting (for interleaving tests); returns its pid. */
    public int start(String path, byte[] image, List<String> args) throws Exception {
        List<String> argv = new ArrayList<>();
        argv.add(path);
        argv.addAll(args);
        return machine.call(() -> kernel.spawn(path, image, argv, List.of("PATH=/bin", "HOME=/")));
    }

    public Machine machine() {
        return machine;
    }

    public KernelCore kernel() {
        return kernel;
    }

    /**
     * The VM manager's plain-Java core (address spaces, swap, the
     * page-replacement slot); call it on the simulation thread
     * ({@code machine().call}).
     */
    public VmManager memoryManager() {
        return memoryManager;
    }

    public Console console() {
        return console;
    }

    /** Checks a program without running it: the reason it would be refused, or null. */
    public String refusal(byte[] image) throws Exception {
        return machine.call(() -> {
            try {
                kernel.parse(image);
                return null;
            } catch (ExecFormatException e) {
                return e.getMessage();
            }
        });
    }

    @Override
    public void close() {
        machine.stop();
    }

    /** The repository root (system property osbox.root, else the working directory's ancestors). */
    public static Path repositoryRoot() {
        String p = System.getProperty("osbox.root");
        if (p != null && !p.isEmpty() && Files.isDirectory(Path.of(p, "examples"))) {
            return Path.of(p);
        }
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("examples/programs"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("cannot find the osbox repository root; set -Dosbox.root");
        }
        return d;
    }

    /** An example program's ELF: examples/programs/NAME.elf. */
    public static Path example(String name) throws IOException {
        Path p = repositoryRoot().resolve("examples/programs/" + name + ".elf");
        if (!Files.isRegularFile(p)) {
            throw new IOException("example program missing: " + p);
        }
        return p;
    }
}
