package osbox.workload;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import osbox.api.hw.Console;
import osbox.api.hw.Machine;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;

/**
 * Runs one program for a front end (the launcher's {@code ./osbox run}, the
 * shell's {@code osbox:run}): spawns it on the simulation thread with an
 * exit listener added in the same task, so its exit cannot be missed, and
 * waits on the calling host thread until it exits; then flushes the
 * console, whose output the front end connected. Reading the program is
 * {@link HostProgram}'s; how the end is shown is the front end's (with
 * {@link #killLine} for a killed program).
 */
public final class ProgramRunner {
    /**
     * The fixed environment every program started from the command line or
     * the shell gets: a search path, a home directory and a terminal type
     * that promises nothing.
     */
    public static final List<String> ENVIRONMENT = List.of("PATH=/bin", "HOME=/", "TERM=dumb");

    private final Machine machine;
    private final ProcessManager processes;
    private final Console console;

    /** A runner on {@code machine}'s kernel ({@code processes}), whose programs write to {@code console}. */
    public ProgramRunner(Machine machine, ProcessManager processes, Console console) {
        this.machine = machine;
        this.processes = processes;
        this.console = console;
    }

    /** A started process: its pid and the future that completes with its final view. */
    public record Started(int pid, CompletableFuture<ProcessView> exit) {
    }

    /**
     * Spawns the program (argv[0] first in {@code argv}) and registers an
     * exit listener in the same simulation-thread task; the listener is
     * removed once the program has exited. Call from a host thread.
     *
     * @throws ExecFormatException when the kernel refuses the image (unwrapped)
     */
    public Started start(String path, byte[] image, List<String> argv, List<String> envp) throws Exception {
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

    /**
     * Runs the program to its end and returns its final view (a zombie with
     * its wait status); the console is flushed on the simulation thread
     * before this returns, whether the program ran or not.
     *
     * @throws ExecFormatException when the kernel refuses the image
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public ProcessView run(String path, byte[] image, List<String> argv, List<String> envp) throws Exception {
        try {
            Started started = start(path, image, argv, envp);
            try {
                return started.exit().get();
            } catch (ExecutionException e) {
                throw unwrap(e);
            }
        } finally {
            flush(machine, console);
        }
    }

    /**
     * Flushes what {@code console} transmitted, on {@code machine}'s
     * simulation thread (at once if the machine cannot take the task).
     */
    public static void flush(Machine machine, Console console) {
        try {
            machine.call(() -> {
                console.flush();
                return null;
            });
        } catch (Exception e) {
            console.flush();
        }
    }

    /**
     * How to report a program that was killed: the kernel's report (pid,
     * signal, cause, pc and address), or "PROGRAM: killed by SIG..." when it
     * gave none; null when the program exited.
     */
    public static String killLine(String program, int waitStatus, String killReport) {
        if (!WaitStatus.isSignaled(waitStatus)) {
            return null;
        }
        return killReport == null || killReport.isEmpty() ? program + ": " + WaitStatus.describe(waitStatus)
                : killReport;
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
