package osbox.kernel.core;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.hw.Timer;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.DeadlockDetection;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallTracing;
import osbox.api.kernel.WaitQueue;
import osbox.api.memory.MemoryManager;
import osbox.api.policy.PolicyControl;
import osbox.kernel.core.strace.StraceLog;
import osbox.kernel.core.waits.Deadlock;

/**
 * The kernel as services (PID {@code osbox.kernel}): boots on activation.
 * It references no whiteboard services itself (see {@link KernelWhiteboard}),
 * so components that need the Kernel service can also be syscall handlers
 * without a cycle in activation. Address spaces come from the VM manager's
 * {@link MemoryManager} service (bundle osbox.vm.manager). The scheduling
 * policy is chosen through {@link SchedulingControl}.
 */
@Component(service = {Kernel.class, ProcessManager.class, KernelInternals.class, SyscallTracing.class,
    DeadlockDetection.class},
        configurationPid = "osbox.kernel")
@Designate(ocd = KernelComponent.Config.class)
public final class KernelComponent implements KernelInternals, SyscallTracing, DeadlockDetection {
    private static final Logger LOG = LoggerFactory.getLogger(KernelComponent.class);

    /**
     * Framework property: trace every process spawned (osbox run --strace),
     * into "-" (stderr) or the file it names (absolute; the launcher's
     * preflight checked it can be written).
     */
    static final String STRACE_PROPERTY = "osbox.strace";

    @ObjectClassDefinition(name = "osbox kernel")
    public @interface Config {
        @AttributeDefinition(description = "Round-robin quantum in cycles")
        long quantum_cycles() default 1_000_000;

        @AttributeDefinition(description = "Seed of everything random the kernel makes (AT_RANDOM...)")
        long seed() default 0x05B0C5L;

        @AttributeDefinition(description = "Longest a runnable task may wait before the scheduling policy is "
                + "ejected, in cycles (30 s at 1 GHz)")
        long watchdog_cycles() default 30_000_000_000L;

        @AttributeDefinition(description = "Processes that may exist at once; fork answers EAGAIN beyond")
        int max_processes() default 128;

        @AttributeDefinition(description = "Host directory mounted read-only at /host (empty: none); "
                + "the framework property osbox.host.dir overrides it")
        String host_dir() default "";
    }

    private final Machine machine;
    private final KernelCore core;
    private final Writer straceFile;

    /** Builds and boots the kernel on the simulation thread, with address spaces from {@code memory}. */
    @Activate
    public KernelComponent(Config config, BundleContext context, @Reference(name = "machine") Machine machine,
            @Reference(name = "timer") Timer timer, @Reference(name = "intc") InterruptController intc,
            @Reference(name = "memory") MemoryManager memory) throws Exception {
        this.machine = machine;
        String dir = context.getProperty("osbox.host.dir");
        if (dir == null || dir.isBlank()) {
            dir = config.host_dir();
        }
        java.nio.file.Path host = dir == null || dir.isBlank() ? null : java.nio.file.Path.of(dir);
        if (host != null && !java.nio.file.Files.isDirectory(host)) {
            LOG.error("host directory {} is not a directory: nothing is mounted at /host", host);
            host = null;
        }
        KernelCore.Settings settings = new KernelCore.Settings(config.quantum_cycles(), config.seed(),
                config.max_processes(), host, config.watchdog_cycles());
        this.core = machine.call(() -> new KernelCore(machine, timer, intc, memory, settings));
        String strace = context.getProperty(STRACE_PROPERTY);
        StraceLog log = null;
        Writer file = null;
        if ("-".equals(strace)) {
            log = new StraceLog(System.err, true, "stderr");
        } else if (strace != null && !strace.isBlank()) {
            try {
                file = Files.newBufferedWriter(Path.of(strace), StandardCharsets.UTF_8);
                log = new StraceLog(file, true, strace);
            } catch (IOException e) {
                LOG.error("--strace={}: cannot write it ({}): nothing is traced", strace, e.getMessage());
            }
        }
        this.straceFile = file;
        StraceLog spawned = log;
        String deadlockPolicy = deadlockPolicy(context.getProperty(DeadlockDetection.PROPERTY));
        machine.call(() -> {
            core.deadlocks().select(deadlockPolicy, Map.of());
            core.boot();
            core.traceSpawned(spawned);
            return null;
        });
    }

    @Override
    public KernelCore core() {
        return core;
    }

    // The deadlock policy the framework property names (the launcher checked it), else report; the slot
    // runs its built-in one (which reports) until that policy's bundle starts.
    private static String deadlockPolicy(String name) {
        return name == null || name.isBlank() ? "report" : name;
    }

    @Override
    public String policy() {
        return sim(() -> core.deadlocks().policyName());
    }

    /**
     * Chooses the deadlock policy: one of {@link DeadlockDetection#POLICIES},
     * the built-in one, or a present plugin's (IllegalArgumentException naming
     * the known ones otherwise). A known policy whose bundle is not started
     * yet runs when it starts; the built-in one (report) runs meanwhile.
     */
    @Override
    public void use(String name) {
        sim(() -> {
            List<String> known = new java.util.ArrayList<>(DeadlockDetection.POLICIES);
            for (String p : core.deadlocks().slot().available()) {
                if (!known.contains(p)) {
                    known.add(p);
                }
            }
            if (!known.contains(name) && !PolicyControl.BUILTIN.equals(name)) {
                throw new IllegalArgumentException("no deadlock policy '" + name + "' (known: "
                        + String.join(", ", known) + ")");
            }
            core.deadlocks().select(name, Map.of());
            return null;
        });
    }

    @Override
    public List<DeadlockDetection.Found> deadlocks() {
        return sim(() -> {
            List<DeadlockDetection.Found> out = new java.util.ArrayList<>();
            for (Deadlock d : core.deadlocks().deadlocks()) {
                out.add(new DeadlockDetection.Found(d.number(), d.cycle(), core.deadlocks().isCurrent(d),
                        d.members().stream().map(Deadlock.Member::pid).distinct().sorted().toList(), d.cycleText(),
                        d.action()));
            }
            return List.copyOf(out);
        });
    }

    @Deactivate
    void deactivate() throws Exception {
        machine.call(() -> {
            core.shutdown();
            return null;
        });
        if (straceFile != null) {
            straceFile.close();
        }
    }

    // ---- strace (SyscallTracing): on the simulation thread ----

    @Override
    public boolean trace(int pid, Appendable out, boolean followForks) {
        StraceLog log = new StraceLog(out, followForks, "pid " + pid);
        return sim(() -> core.trace(pid, log));
    }

    @Override
    public boolean untrace(int pid) {
        return sim(() -> core.untrace(pid));
    }

    // ---- services: each call runs on the simulation thread ----

    private <T> T sim(java.util.concurrent.Callable<T> c) {
        try {
            return machine.call(c);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp) throws ExecFormatException {
        try {
            return machine.call(() -> core.spawn(path, image, argv, envp));
        } catch (ExecFormatException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp,
            osbox.api.sched.TaskAttributes attributes) throws ExecFormatException {
        try {
            return machine.call(() -> core.spawn(path, image, argv, envp, attributes));
        } catch (ExecFormatException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<ProcessView> process(int pid) {
        return sim(() -> core.process(pid));
    }

    @Override
    public List<ProcessView> processes() {
        return sim(core::processes);
    }

    @Override
    public List<ProcessView> threads() {
        return sim(core::threads);
    }

    @Override
    public void addExitListener(Consumer<ProcessView> listener) {
        core.addExitListener(listener);
    }

    @Override
    public void removeExitListener(Consumer<ProcessView> listener) {
        core.removeExitListener(listener);
    }

    @Override
    public void addThreadExitListener(Consumer<ProcessView> listener) {
        core.addThreadExitListener(listener);
    }

    @Override
    public void removeThreadExitListener(Consumer<ProcessView> listener) {
        core.removeThreadExitListener(listener);
    }

    @Override
    public long killGroup(int pgid, int sig) {
        return core.killGroup(pgid, sig);
    }

    @Override
    public long queueSignal(int pid, int sig, int code, int senderPid, int senderUid, long value) {
        return core.queueSignal(pid, sig, code, senderPid, senderUid, value);
    }

    @Override
    public List<osbox.api.kernel.OpenFile> openFiles() {
        return core.openFiles();
    }

    @Override
    public WaitQueue newWaitQueue(String name) {
        return core.newWaitQueue(name);
    }

    @Override
    public ProcessManager processManager() {
        return this;
    }

    @Override
    public int currentHart() {
        return core.currentHart();
    }

    @Override
    public void chargeCpu(int hart, long cycles) {
        core.chargeCpu(hart, cycles);
    }
}
