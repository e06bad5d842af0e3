package osbox.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import osbox.api.hw.Console;
import osbox.api.hw.Machine;
import osbox.api.kernel.ProcessManager;
import osbox.api.policy.PolicyControl;
import osbox.workload.HostProgram;
import osbox.workload.ProgramRunner;
import osbox.workload.RunReport;
import osbox.workload.Workload;
import osbox.workload.WorkloadException;
import osbox.workload.WorkloadRunner;

/**
 * {@code osbox run WORKLOAD.yaml}: runs a workload file to completion, prints
 * the per-process table and a Gantt chart after the programs' output, and
 * writes the report, trace and SVG files asked for.
 */
final class WorkloadRun {
    /** Columns of the terminal Gantt chart. */
    static final int GANTT_COLUMNS = 100;

    private WorkloadRun() {
    }

    /**
     * Runs it; returns 0 when every process ran (whatever its status), 1 when
     * some could not be started or a scripted swap was refused (a line on
     * stderr for each), 2 for a bad workload file or output file.
     */
    static int run(CommandLine line, Machine machine, ProcessManager processes, Console console,
            PolicyControl scheduler, PolicyControl vm, Path cwd, PrintStream out, PrintStream err)
            throws InterruptedException {
        CommandLine.Outputs o;
        try {
            o = outputs(line);
        } catch (IllegalArgumentException e) {
            err.println("osbox: " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        }
        Path file = cwd.resolve(line.program());
        Workload w;
        try {
            w = Workload.load(file, machine.frequencyHz());
        } catch (WorkloadException e) {
            err.println("osbox: " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        }
        if (line.sched() != null) {
            w = w.withScheduler(line.sched(), line.schedOptionMap());
        }
        RunReport report;
        try {
            report = BlockLayerReport.withDisks(WorkloadRunner.run(w, machine, processes, scheduler, vm, null));
        } catch (WorkloadException e) {
            err.println("osbox: " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        }
        ProgramRunner.flush(machine, console);
        out.print(report.table());
        out.println();
        out.print(report.gantt(GANTT_COLUMNS));
        out.flush();
        writeAll(cwd, o, report, err);
        // the table shows what went wrong; stderr says why the status is not 0
        java.util.List<String> failures = report.failures();
        for (String failure : failures) {
            err.println("osbox: " + line.program() + ": " + failure);
        }
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * The output files: given before the workload name, or after it (a
     * workload takes no arguments of its own, so --report, --trace,
     * --gantt, --memory-svg and --io-svg may follow it).
     */
    static CommandLine.Outputs outputs(CommandLine line) {
        return line.allOutputs();
    }

    /**
     * {@code osbox run [--report F] [--trace F] [--gantt F] [--memory-svg F] [--io-svg F] PROGRAM [ARGS...]}:
     * runs one program as a one-process workload (console on the terminal,
     * nothing else on stdout), writes the files asked for, and returns the
     * program's exit status as {@code run} does without them (2 when it
     * cannot start, 128+signal when killed, with the kernel's report on stderr).
     */
    static int runProgram(CommandLine line, Machine machine, ProcessManager processes, Console console,
            PolicyControl scheduler, PolicyControl vm, Path cwd, PrintStream out, PrintStream err)
            throws InterruptedException {
        String program = line.program();
        byte[] image;
        try {
            image = HostProgram.read(cwd, program);
        } catch (HostProgram.UnreadableProgramException e) {
            err.println("osbox: " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        }
        Path file = cwd.resolve(program);
        String name = file.getFileName().toString();
        String label = name.endsWith(".elf") ? name.substring(0, name.length() - 4) : name;
        Workload w = new Workload(label, "osbox run " + program, null, machine.frequencyHz(),
                Workload.Settings.NONE, null, java.util.List.of(), java.util.List.of(new Workload.ProcessSpec(label,
                        file, program, image, line.arguments(), 0, osbox.api.sched.TaskAttributes.DEFAULT)));
        RunReport report;
        try {
            report = BlockLayerReport.withDisks(WorkloadRunner.run(w, machine, processes, scheduler, vm, null));
        } catch (WorkloadException e) {
            err.println("osbox: " + program + ": " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        } finally {
            ProgramRunner.flush(machine, console);
            out.flush();
        }
        RunReport.ProcessResult p = report.processes().get(0);
        writeAll(cwd, line.outputs(), report, err);
        if (p.error() != null) {
            err.println("osbox: " + program + ": " + p.error());
            return CommandLine.USAGE_STATUS;
        }
        String kill = ProgramRunner.killLine(program, p.waitStatus(), p.killReport());
        if (kill != null) {
            err.println("osbox: " + kill);
        }
        return osbox.api.kernel.WaitStatus.shellStatus(p.waitStatus());
    }

    /**
     * Writes the output files asked for (they were checked before the run,
     * but the disk may have changed since), each streamed as it is made: one
     * that cannot be written is one line on {@code err} with the reason, the
     * others are still written, and the run's exit status stays the program's.
     */
    private static void writeAll(Path cwd, CommandLine.Outputs o, RunReport report, PrintStream err) {
        write(cwd, "--report", o.report(), report::writeJson, err);
        write(cwd, "--trace", o.trace(), report::writeChromeTrace, err);
        write(cwd, "--gantt", o.gantt(), report::writeSvg, err);
        write(cwd, "--memory-svg", o.memorySvg(), report::writeMemorySvg, err);
        write(cwd, "--io-svg", o.ioSvg(), report::writeIoSvg, err);
    }

    // Streams a rendering to a file named relative to cwd, if a name was given; says why not on err.
    private static void write(Path cwd, String option, String name, RunReport.Rendering rendering,
            PrintStream err) {
        if (name == null) {
            return;
        }
        try (java.io.Writer out = Files.newBufferedWriter(cwd.resolve(name), StandardCharsets.UTF_8)) {
            rendering.writeTo(out);
        } catch (IOException e) {
            err.println("osbox: " + option + " " + name + ": cannot write: " + OutputFiles.reason(e));
        }
    }
}
