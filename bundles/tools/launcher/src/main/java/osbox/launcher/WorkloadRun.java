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

    /** Whether the program named on the command line is a workload file. */
    static boolean isWorkload(String program) {
        return program.endsWith(".yaml") || program.endsWith(".yml");
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
            report = WorkloadRunner.run(w, machine, processes, scheduler, vm, null);
        } catch (WorkloadException e) {
            err.println("osbox: " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        }
        ProgramRunner.flush(machine, console);
        out.print(report.table());
        out.println();
        out.print(report.gantt(GANTT_COLUMNS));
        out.flush();
        try {
            write(cwd, o.report(), report::writeJson);
            write(cwd, o.trace(), report::writeChromeTrace);
            write(cwd, o.gantt(), report::writeSvg);
            write(cwd, o.memorySvg(), report::writeMemorySvg);
        } catch (IOException e) {
            err.println("osbox: cannot write " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        }
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
     * --gantt and --memory-svg may follow it).
     */
    static CommandLine.Outputs outputs(CommandLine line) {
        String report = line.outputs().report();
        String trace = line.outputs().trace();
        String gantt = line.outputs().gantt();
        String memory = line.outputs().memorySvg();
        java.util.List<String> a = line.arguments();
        for (int i = 0; i < a.size(); i++) {
            String opt = a.get(i);
            if (!CommandLine.isOutput(opt)) {
                throw new IllegalArgumentException(line.program() + ": a workload takes no arguments, got '"
                        + opt + "' (options: --report, --trace, --gantt, --memory-svg FILE)");
            }
            if (++i >= a.size()) {
                throw new IllegalArgumentException(opt + " needs a file name");
            }
            switch (opt) {
                case "--report": report = a.get(i); break;
                case "--trace": trace = a.get(i); break;
                case "--gantt": gantt = a.get(i); break;
                default: memory = a.get(i); break;
            }
        }
        return new CommandLine.Outputs(report, trace, gantt, memory);
    }

    /**
     * {@code osbox run [--report F] [--trace F] [--gantt F] [--memory-svg F] PROGRAM [ARGS...]}:
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
            report = WorkloadRunner.run(w, machine, processes, scheduler, vm, null);
        } catch (WorkloadException e) {
            err.println("osbox: " + program + ": " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        } finally {
            ProgramRunner.flush(machine, console);
            out.flush();
        }
        RunReport.ProcessResult p = report.processes().get(0);
        try {
            write(cwd, line.outputs().report(), report::writeJson);
            write(cwd, line.outputs().trace(), report::writeChromeTrace);
            write(cwd, line.outputs().gantt(), report::writeSvg);
            write(cwd, line.outputs().memorySvg(), report::writeMemorySvg);
        } catch (IOException e) {
            err.println("osbox: cannot write " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        }
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

    // Writes a rendering to a file named relative to cwd, if a name was given, as it is made (streamed).
    private static void write(Path cwd, String name, RunReport.Rendering rendering) throws IOException {
        if (name == null) {
            return;
        }
        try (java.io.Writer out = Files.newBufferedWriter(cwd.resolve(name), StandardCharsets.UTF_8)) {
            rendering.writeTo(out);
        } catch (IOException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }
}
