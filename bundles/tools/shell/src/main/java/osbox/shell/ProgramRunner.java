package osbox.shell;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import osbox.api.hw.Machine;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;

/**
 * Starts one program on the simulation thread and waits, on the calling
 * (shell) thread, until it exits. (The launcher bundle has its own copy: the
 * two bundles share nothing but the SDK API.)
 */
final class ProgramRunner {

    /** The fixed environment of programs started from the shell (the launcher gives the same). */
    static final List<String> ENVIRONMENT = List.of("PATH=/bin", "HOME=/", "TERM=dumb");

    private final Machine machine;
    private final ProcessManager processes;

    ProgramRunner(Machine machine, ProcessManager processes) {
        this.machine = machine;
        this.processes = processes;
    }

    /** Spawns the program with an exit listener added in the same simulation-thread task; returns its end. */
    ProcessView run(String path, byte[] image, List<String> argv, List<String> envp) throws Exception {
        CompletableFuture<ProcessView> exit = new CompletableFuture<>();
        AtomicInteger pid = new AtomicInteger(-1);
        Consumer<ProcessView> listener = view -> {
            if (view.pid() == pid.get()) {
                exit.complete(view);
            }
        };
        try {
            machine.call(() -> {
                processes.addExitListener(listener);
                try {
                    pid.set(processes.spawn(path, image, argv, envp));
                } catch (Exception | Error e) {
                    processes.removeExitListener(listener);
                    throw e;
                }
                return null;
            });
        } catch (Exception e) {
            throw unwrap(e);
        }
        try {
            return exit.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        } finally {
            machine.submit(() -> processes.removeExitListener(listener));
        }
    }

    /** The ExecFormatException inside a wrapped failure, else the failure itself. */
    static Exception unwrap(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ExecFormatException) {
                return (ExecFormatException) t;
            }
        }
        return e;
    }
}
