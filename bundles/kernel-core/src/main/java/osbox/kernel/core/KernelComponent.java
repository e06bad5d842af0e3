package osbox.kernel.core;

import java.util.List;
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
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitQueue;
import osbox.api.sched.SchedulerControl;
import osbox.api.vm.VmControl;
import java.util.Map;

/**
 * The kernel as services (PID {@code osbox.kernel}): boots on activation.
 * It references no whiteboard services itself (see {@link KernelWhiteboard}),
 * so components that need the Kernel service can also be syscall handlers
 * without a cycle in activation.
 *
 * <p>It also provides {@link VmControl}, registered by hand for as long as the
 * component is active: its methods have the names of SchedulerControl's
 * (policies, use, ...) with other record types, so one class cannot
 * implement both.
 */
@Component(service = {Kernel.class, ProcessManager.class, KernelInternals.class, SchedulerControl.class},
        configurationPid = "osbox.kernel")
@Designate(ocd = KernelComponent.Config.class)
public final class KernelComponent implements KernelInternals, SchedulerControl {
    private static final Logger LOG = LoggerFactory.getLogger(KernelComponent.class);

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

        @AttributeDefinition(description = "Swap area size, e.g. 0 (none), 64M, 1G; the framework property "
                + "osbox.swap overrides it")
        String swap() default "0";

        @AttributeDefinition(description = "Cycles one page transfer to or from swap costs (charged to the "
                + "faulting hart)")
        long swap_cycles() default KernelCore.Settings.SWAP_CYCLES;
    }

    private final Machine machine;
    private final KernelCore core;
    private final org.osgi.framework.ServiceRegistration<VmControl> vmRegistration;

    @Activate
    public KernelComponent(Config config, BundleContext context, @Reference(name = "machine") Machine machine,
            @Reference(name = "timer") Timer timer, @Reference(name = "intc") InterruptController intc)
            throws Exception {
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
        String swapText = context.getProperty("osbox.swap");
        if (swapText == null || swapText.isBlank()) {
            swapText = config.swap();
        }
        long swapBytes;
        try {
            swapBytes = Options.size(swapText);
        } catch (IllegalArgumentException e) {
            LOG.error("swap size rejected, running without swap: {}", e.getMessage());
            swapBytes = 0;
        }
        KernelCore.Settings settings = new KernelCore.Settings(config.quantum_cycles(), config.seed(),
                config.max_processes(), host, config.watchdog_cycles(), swapBytes, config.swap_cycles());
        this.core = machine.call(() -> new KernelCore(machine, timer, intc, settings));
        machine.call(() -> {
            core.boot();
            return null;
        });
        // a policy chosen when the framework was started (the launcher re-checks and reports)
        String policy = context.getProperty("osbox.sched.policy");
        if (policy != null && !policy.isBlank()) {
            try {
                use(policy.trim(), Options.parse(context.getProperty("osbox.sched.options")));
            } catch (IllegalArgumentException e) {
                LOG.info("scheduling policy {} from osbox.sched.policy not applied: {}", policy, e.getMessage());
            }
        }
        // the page-replacement policy chosen when the framework was started
        String vmPolicy = context.getProperty("osbox.vm.policy");
        if (vmPolicy != null && !vmPolicy.isBlank()) {
            try {
                Map<String, String> options = Options.parse(context.getProperty("osbox.vm.options"));
                sim(() -> core.vm().select(vmPolicy.trim(), options));
            } catch (IllegalArgumentException e) {
                LOG.info("page replacement policy {} from osbox.vm.policy not applied: {}", vmPolicy,
                        e.getMessage());
            }
        }
        var properties = new java.util.Hashtable<String, Object>();
        properties.put(org.osgi.framework.Constants.SERVICE_DESCRIPTION,
                "osbox page replacement control (kernel)");
        this.vmRegistration = context.registerService(VmControl.class, vmControl, properties);
    }

    // ---- SchedulerControl: the policy slot, on the simulation thread ----

    @Override
    public List<Policy> policies() {
        return sim(() -> {
            var slot = core.dispatcher().slot();
            List<Policy> out = new java.util.ArrayList<>();
            out.add(new Policy(BUILTIN, "the kernel's round robin (fallback)", Map.of(), slot.isFallback()));
            for (String name : slot.available()) {
                var provider = slot.provider(name);
                out.add(new Policy(name, provider.describe(), new java.util.TreeMap<>(provider.defaults()),
                        name.equals(slot.activeName()) && !slot.isFallback()));
            }
            return out;
        });
    }

    @Override
    public String active() {
        return sim(() -> core.dispatcher().slot().activeName());
    }

    @Override
    public String waitingFor() {
        return sim(() -> core.dispatcher().slot().waitingFor());
    }

    @Override
    public boolean use(String name, Map<String, String> options) {
        return sim(() -> core.dispatcher().select(name, options));
    }

    @Override
    public List<Ejection> ejections() {
        return sim(() -> core.dispatcher().slot().ejections().stream()
                .map(e -> new Ejection(e.at(), e.policy(), e.reason())).toList());
    }

    @Override
    public long swaps() {
        return sim(() -> core.dispatcher().slot().swaps());
    }

    // ---- VmControl: the page-replacement slot and the paging counters, on the simulation thread ----

    private final VmControl vmControl = new VmControl() {
        @Override
        public List<VmControl.Policy> policies() {
            return sim(() -> {
                var slot = core.vm().slot();
                List<VmControl.Policy> out = new java.util.ArrayList<>();
                out.add(new VmControl.Policy(VmControl.BUILTIN, "the kernel's FIFO (fallback)", Map.of(),
                        slot.isFallback()));
                for (String name : slot.available()) {
                    var provider = slot.provider(name);
                    out.add(new VmControl.Policy(name, provider.describe(),
                            new java.util.TreeMap<>(provider.defaults()),
                            name.equals(slot.activeName()) && !slot.isFallback()));
                }
                return out;
            });
        }

        @Override
        public String active() {
            return sim(() -> core.vm().slot().activeName());
        }

        @Override
        public String waitingFor() {
            return sim(() -> core.vm().slot().waitingFor());
        }

        @Override
        public boolean use(String name, Map<String, String> options) {
            return sim(() -> core.vm().select(name, options));
        }

        @Override
        public List<VmControl.Ejection> ejections() {
            return sim(() -> core.vm().slot().ejections().stream()
                    .map(e -> new VmControl.Ejection(e.at(), e.policy(), e.reason())).toList());
        }

        @Override
        public Map<String, Long> statistics() {
            return sim(() -> {
                var vm = core.vm();
                Map<String, Long> s = new java.util.TreeMap<>();
                s.put("frames.total", vm.frames().total());
                s.put("frames.used", vm.frames().used());
                s.put("frames.free", vm.frames().available());
                s.put("frames.peak", vm.frames().peakUsed());
                s.put("pages.evictable", (long) vm.resident().size());
                s.put("page.ins", vm.pageIns());
                s.put("page.outs", vm.pageOuts());
                s.put("eviction.failures", vm.evictionFailures());
                s.put("swap.slots.total", vm.swap().slots());
                s.put("swap.slots.used", vm.swap().used());
                s.put("swap.slots.peak", vm.swap().peakUsed());
                s.put("oom.kills", core.oomKills());
                s.put("policy.changes", vm.slot().swaps());
                // per address space counters, summed over the processes that still have one
                long resident = 0;
                long swapped = 0;
                long tables = 0;
                long minor = 0;
                long image = 0;
                long cow = 0;
                long major = 0;
                for (var p : core.table().all()) {
                    var space = p.space;
                    if (p.state() == osbox.api.kernel.ProcessState.ZOMBIE || space == null) {
                        continue;
                    }
                    resident += space.residentPages();
                    swapped += space.swappedPages();
                    tables += space.tablePages();
                    minor += space.minorFaults();
                    image += space.imageFaults();
                    cow += space.cowFaults();
                    major += space.majorFaults();
                }
                s.put("pages.resident", resident);
                s.put("pages.swapped", swapped);
                s.put("pages.tables", tables);
                s.put("faults.minor", minor);
                s.put("faults.image", image);
                s.put("faults.cow", cow);
                s.put("faults.major", major);
                return java.util.Collections.unmodifiableMap(s);
            });
        }
    };

    @Override
    public KernelCore core() {
        return core;
    }

    @Override
    public void atSafePoint(Runnable r, boolean wait) {
        if (!wait) {
            machine.submit(r);
            return;
        }
        try {
            machine.call(() -> {
                r.run();
                return null;
            });
        } catch (Exception e) {
            LOG.error("kernel update failed", e);
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        try {
            vmRegistration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
        machine.call(() -> {
            core.shutdown();
            return null;
        });
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
    public void addExitListener(Consumer<ProcessView> listener) {
        core.addExitListener(listener);
    }

    @Override
    public void removeExitListener(Consumer<ProcessView> listener) {
        core.removeExitListener(listener);
    }

    @Override
    public WaitQueue newWaitQueue(String name) {
        return core.newWaitQueue(name);
    }

    @Override
    public ProcessManager processManager() {
        return this;
    }
}
