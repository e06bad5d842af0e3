package osbox.launcher;

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
 * (host) thread, until it exits.
 */
final class ProgramRunner {

    /**
     * The fixed environment every program started from the command line gets:
     * a search path, a home directory and a terminal type that promises nothing.
     */
    static final List<String> ENVIRONMENT = List.of("PATH=/bin", "HOME=/", "TERM=dumb");

    private final Machine machine;
    private final ProcessManager processes;

    ProgramRunner(Machine machine, ProcessManager processes) {
        this.machine = machine;
        this.processes = processes;
    }

    /** A started process: its pid and the future that completes with its final view. */
    record Started(int pid, CompletableFuture<ProcessView> exit) {
    }

    /**
     * Spawns the program and registers an exit listener in the same
     * simulation-thread task, so the exit cannot be missed.
     *
     * @throws ExecFormatException when the kernel refuses the image
     */
    Started start(String path, byte[] image, List<String> argv, List<String> envp) throws Exception {
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
        exit.whenComplete((view, failure) -> machine.submit(() -> processes.removeExitListener(listener)));
        return new Started(pid.get(), exit);
    }

    /** Runs the program to its end and returns its final view (a zombie with its wait status). */
    ProcessView run(String path, byte[] image, List<String> argv, List<String> envp) throws Exception {
        Started started = start(path, image, argv, envp);
        try {
            return started.exit().get();
        } catch (ExecutionException e) {
            throw unwrap(e);
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
