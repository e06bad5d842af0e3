package osbox.ipc.sysv.common;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Machine;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessState;

/**
 * How a System V bundle's state crosses from one revision to the next (an
 * update, or a stop and start): the stopping revision exports it at a safe
 * point ({@link IpcSnapshot}'s shape) into a file of the bundle's data
 * area, which survives the update; the next revision reads it when it
 * activates and imports it at the next safe point, before the kernel binds
 * its handlers (that happens at a later safe point). Meanwhile the kernel
 * holds the callers (see {@link #successorExpected}).
 */
public final class IpcHandOver {
    /** The file in the bundle's data area that carries the state to the next revision. */
    public static final String STATE_FILE = "ipc-state.snapshot";
    /** Longest a stopping revision waits for the simulation thread to export its state (host seconds). */
    private static final long EXPORT_WAIT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(IpcHandOver.class);

    private IpcHandOver() {
    }

    /**
     * Activation (framework thread): the state a previous revision left in
     * the data area, if any, is taken (the file is deleted) and given to
     * {@code importer} at the next safe point. A state that cannot be taken
     * is logged, never half restored. {@code context} null (the harness):
     * nothing to restore.
     */
    public static void restore(BundleContext context, Machine machine, String pid, Consumer<byte[]> importer) {
        File state = context == null ? null : context.getDataFile(STATE_FILE);
        if (state == null || !state.isFile()) {
            return;
        }
        try {
            byte[] snapshot = Files.readAllBytes(state.toPath());
            Files.delete(state.toPath());
            machine.submit(() -> {
                try {
                    importer.accept(snapshot);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    LOG.error("osbox: {}: the state of the previous revision cannot be restored: {}", pid,
                            e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.error("osbox: {}: {}: {}", pid, state, e.getMessage());
        }
    }

    /**
     * Deactivation (framework thread: the bundle stops or is updated; its
     * handlers have already left the kernel): {@code exporter} runs at a
     * safe point and its snapshot is left in the data area for the next
     * revision. An export that fails is logged.
     */
    public static void save(BundleContext context, Machine machine, String pid, Supplier<byte[]> exporter) {
        File state = context == null ? null : context.getDataFile(STATE_FILE);
        if (state == null) {
            return;
        }
        try {
            Files.write(state.toPath(), atSafePoint(machine, exporter));
        } catch (Exception e) {
            LOG.error("osbox: {}: the state could not be saved for the next revision: {}", pid, e.getMessage());
        }
    }

    /**
     * Runs {@code work} on the simulation thread (now, if this is it) and
     * waits for it, so long; a failure or a machine that no longer runs is
     * logged (deactivation, framework thread).
     */
    public static void atSafePoint(Machine machine, Runnable work) {
        try {
            atSafePoint(machine, () -> {
                work.run();
                return new byte[0];
            });
        } catch (Exception e) {
            LOG.error("osbox: a bundle's last work at a safe point failed: {}", e.toString());
        }
    }

    // Runs exporter on the simulation thread (now, if this is it); a machine that no longer runs is waited for
    // only so long.
    private static byte[] atSafePoint(Machine machine, Supplier<byte[]> exporter) throws Exception {
        if (machine.onSimulationThread()) {
            return exporter.get();
        }
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        machine.submit(() -> {
            try {
                done.complete(exporter.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(EXPORT_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * What the handlers of the bundle holding {@code component} answer the
     * kernel as they leave ({@code SyscallHandler.successorExpected}):
     * whether the bundle stops but stays persistently started, as it does
     * during an update or a transient stop ({@code stop -t}): a successor
     * will come with the state, so the kernel holds the callers. A plain
     * stop answers false (its calls then answer ENOSYS); outside a
     * framework (the harness) false.
     */
    public static boolean successorExpected(Class<?> component) {
        Bundle b = FrameworkUtil.getBundle(component);
        if (b == null || b.getState() != Bundle.STOPPING) {
            return false;
        }
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        return level != null && level.isPersistentlyStarted();
    }

    /** Whether process pid exists and has not exited (a restored SEM_UNDO or sleep belongs to a living one). */
    public static boolean alive(Kernel kernel, int pid) {
        return kernel.processManager().process(pid).map(p -> p.state() != ProcessState.ZOMBIE).orElse(false);
    }
}
