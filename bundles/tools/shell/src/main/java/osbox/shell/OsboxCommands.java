package osbox.shell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.hw.Console;
import osbox.api.hw.Machine;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.workload.HostProgram;
import osbox.workload.ProgramRunner;

/**
 * Gogo commands in scope {@code osbox}: run, ps, stats. Also a session
 * listener: Gogo shows it each line before running it, so that {@code ps}
 * knows of the background runs that have not made their process yet.
 */
@Component(service = {Object.class, CommandSessionListener.class}, property = {
    "osgi.command.scope=osbox",
    "osgi.command.function=run",
    "osgi.command.function=ps",
    "osgi.command.function=stats"
})
public final class OsboxCommands implements CommandSessionListener {

    private final Machine machine;
    private final ProcessManager processes;
    private final Console console;
    private final BackgroundRuns background = new BackgroundRuns();

    /** Wires the machine, the process manager and the console. */
    @Activate
    public OsboxCommands(@Reference(name = "machine") Machine machine,
            @Reference(name = "processes") ProcessManager processes,
            @Reference(name = "console") Console console) {
        this.machine = machine;
        this.processes = processes;
        this.console = console;
    }

    /**
     * Runs a program to completion with the console on this shell's output,
     * then prints how it ended. Run in the background ({@code osbox:run
     * PROGRAM &}), it tells {@link #ps} once its process exists (or could
     * not be made), so that a {@code ps} typed right after shows it.
     */
    @Descriptor("run a RISC-V ELF program to completion; its console output goes to this shell. "
            + "End the line with & to run it in the background (osbox:ps shows it at once)")
    public void run(CommandSession session,
            @Descriptor("program path (relative to the shell's directory)") String program,
            @Descriptor("arguments") String... args) throws Exception {
        // said once: when the process exists, or when the run ends without one
        AtomicBoolean said = new AtomicBoolean();
        Runnable started = () -> {
            if (said.compareAndSet(false, true)) {
                background.started(session, program, List.of(args));
            }
        };
        try {
            run(session, program, List.of(args), started);
        } finally {
            started.run();
        }
    }

    /** {@code osbox:run} without a program: prints its usage line. */
    @Descriptor("(osbox:run needs a program)")
    public void run(CommandSession session) {
        Usage.print(session, "osbox:run");
    }

    /** Gogo is about to run {@code line} in {@code session}: notes its background runs. */
    @Override
    public void beforeExecute(CommandSession session, CharSequence line) {
        background.lineStarts(session, line);
    }

    /** Nothing to do after a line. */
    @Override
    public void afterExecute(CommandSession session, CharSequence line, Exception failure) {
        // background runs say themselves when their process exists
    }

    /** Nothing to do after a line. */
    @Override
    public void afterExecute(CommandSession session, CharSequence line, Object result) {
        // background runs say themselves when their process exists
    }

    // Runs the program; calls started once it was spawned (or refused), before waiting for it.
    private void run(CommandSession session, String program, List<String> args, Runnable started)
            throws Exception {
        PrintStream out = session.getConsole();
        Path cwd = session.currentDir() != null ? session.currentDir() : Path.of("").toAbsolutePath();
        byte[] image;
        try {
            image = HostProgram.read(cwd, program);
        } catch (HostProgram.UnreadableProgramException e) {
            out.println("osbox: " + e.getMessage());
            return;
        }
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(args);
        // Input: none (the shell owns the keyboard); output: this shell.
        console.connect(null, out);
        ProcessView end;
        try {
            ProgramRunner runner = new ProgramRunner(machine, processes, console);
            ProgramRunner.Started spawned = runner.start(program, image, argv, ProgramRunner.ENVIRONMENT);
            started.run();
            end = spawned.exit().get();
        } catch (ExecFormatException e) {
            out.println("osbox: " + program + ": " + e.getMessage());
            return;
        } finally {
            ProgramRunner.flush(machine, console);
            out.flush();
        }
        if (end.killReport() != null) {
            out.println(end.killReport());
        }
        out.println(Reports.exit(end.pid(), end.waitStatus()));
    }

    /**
     * Prints the process table; first waits (a few seconds at most) for the
     * background runs of this session that have not made their process yet.
     */
    @Descriptor("list processes, a row per thread: PID PPID TID STATE NAME CPU-CYCLES INSTRUCTIONS SYSCALLS")
    public void ps(CommandSession session) throws Exception {
        background.awaitStarted(session);
        List<Reports.ProcessRow> rows = machine.call(() -> {
            List<Reports.ProcessRow> copy = new ArrayList<>();
            for (ProcessView p : processes.threads()) {
                copy.add(Reports.ProcessRow.of(p));
            }
            return copy;
        });
        session.getConsole().print(Reports.processes(rows));
    }

    /** {@code osbox:ps} with arguments: prints its usage line. */
    @Descriptor("(osbox:ps takes no arguments)")
    public void ps(CommandSession session, Object first, Object... more) {
        Usage.print(session, "osbox:ps");
    }

    /** {@code osbox:stats} with arguments: prints its usage line. */
    @Descriptor("(osbox:stats takes no arguments)")
    public void stats(CommandSession session, Object first, Object... more) {
        Usage.print(session, "osbox:stats");
    }

    /** Prints the machine's counters. */
    @Descriptor("machine statistics: simulated time, instructions, cycles, traps, TLB")
    public void stats(CommandSession session) throws Exception {
        session.getConsole().print(Reports.statistics(machine.call(machine::statistics)));
    }
}
