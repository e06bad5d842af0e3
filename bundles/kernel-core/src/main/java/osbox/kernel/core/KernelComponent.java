package osbox.kernel.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.hw.Timer;
import osbox.api.kernel.ExecFormat;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.InterruptHandler;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitQueue;

/**
 * The kernel as services (PID {@code osbox.kernel}). Boots on activation.
 * Syscall handlers, executable formats and interrupt handlers arrive on
 * the whiteboard from any thread; each change is applied at a safe point on
 * the simulation thread. A departing handler is removed before its unbind
 * returns, so its bundle's code is never called after it stops.
 */
@Component(service = {Kernel.class, ProcessManager.class}, configurationPid = "osbox.kernel")
@Designate(ocd = KernelComponent.Config.class)
public final class KernelComponent implements Kernel, ProcessManager {
    private static final Logger LOG = LoggerFactory.getLogger(KernelComponent.class);

    @ObjectClassDefinition(name = "osbox kernel")
    public @interface Config {
        @AttributeDefinition(description = "Round-robin quantum in cycles")
        long quantum_cycles() default 1_000_000;

        @AttributeDefinition(description = "Seed of everything random the kernel makes (AT_RANDOM...)")
        long seed() default 0x05B0C5L;
    }

    private final Machine machine;
    private final KernelCore core;

    @Activate
    public KernelComponent(Config config, @Reference Machine machine, @Reference Timer timer,
            @Reference InterruptController intc) throws Exception {
        this.machine = machine;
        this.core = machine.call(() -> new KernelCore(machine, timer, intc,
                new KernelCore.Settings(config.quantum_cycles(), config.seed())));
        machine.call(() -> {
            core.boot();
            return null;
        });
        synchronized (this) {
            for (Runnable r : early) {
                machine.submit(r);
            }
            early.clear();
            booted = true;
        }
    }

    private final java.util.ArrayList<Runnable> early = new java.util.ArrayList<>();
    private boolean booted;

    // Runs a whiteboard change at the next safe point (queued until boot if it comes before).
    private void later(Runnable r) {
        synchronized (this) {
            if (!booted) {
                early.add(r);
                return;
            }
        }
        machine.submit(r);
    }

    // Runs a whiteboard removal at a safe point and waits for it.
    private void now(Runnable r) {
        synchronized (this) {
            if (!booted) {
                early.add(r);
                return;
            }
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
        machine.call(() -> {
            core.shutdown();
            return null;
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSyscall(SyscallHandler h, Map<String, Object> props) {
        Integer number = number(props);
        if (number == null) {
            LOG.warn("syscall handler {} has no valid {} property; ignored", h, SyscallHandler.NUMBER);
            return;
        }
        String name = String.valueOf(props.getOrDefault(SyscallHandler.NAME, "syscall " + number));
        later(() -> core.installSyscall(number, name, h));
    }

    void unbindSyscall(SyscallHandler h, Map<String, Object> props) {
        Integer number = number(props);
        if (number != null) {
            now(() -> core.removeSyscall(number, h));
        }
    }

    private static Integer number(Map<String, Object> props) {
        Object n = props.get(SyscallHandler.NUMBER);
        if (n instanceof Number) {
            int v = ((Number) n).intValue();
            return v >= 0 && v < osbox.api.kernel.Syscalls.TABLE_SIZE ? v : null;
        }
        if (n instanceof String) {
            try {
                return number(Map.of(SyscallHandler.NUMBER, Integer.valueOf(((String) n).trim())));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFormat(ExecFormat f) {
        later(() -> core.addFormat(f));
    }

    void unbindFormat(ExecFormat f) {
        now(() -> core.removeFormat(f));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindInterruptHandler(InterruptHandler h) {
        later(() -> core.addInterruptHandler(h));
    }

    void unbindInterruptHandler(InterruptHandler h) {
        now(() -> core.removeInterruptHandler(h));
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
