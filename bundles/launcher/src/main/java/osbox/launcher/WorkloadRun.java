package osbox.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import osbox.api.hw.Console;
import osbox.api.hw.Machine;
import osbox.api.kernel.ProcessManager;
import osbox.api.sched.SchedulerControl;
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
     * some could not be started, 2 for a bad workload file or output file.
     */
    static int run(CommandLine line, Machine machine, ProcessManager processes, Console console,
            SchedulerControl scheduler, Path cwd, PrintStream out, PrintStream err) {
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
            report = WorkloadRunner.run(w, machine, processes, scheduler);
        } catch (WorkloadException e) {
            err.println("osbox: " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("osbox: " + line.program() + ": interrupted");
            return 128 + 2;
        }
        try {
            machine.call(() -> {
                console.flush();
                return null;
            });
        } catch (Exception e) {
            console.flush();
        }
        out.print(report.table());
        out.println();
        out.print(report.gantt(GANTT_COLUMNS));
        out.flush();
        try {
            write(cwd, o.report(), report.json());
            write(cwd, o.trace(), report.chromeTrace());
            write(cwd, o.gantt(), report.svg());
        } catch (IOException e) {
            err.println("osbox: cannot write " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        }
        return report.completed().size() == report.processes().size() ? 0 : 1;
    }

    /**
     * The output files: given before the workload name, or after it (a
     * workload takes no arguments of its own, so --report, --trace and
     * --gantt may follow it).
     */
    static CommandLine.Outputs outputs(CommandLine line) {
        String report = line.outputs().report();
        String trace = line.outputs().trace();
        String gantt = line.outputs().gantt();
        java.util.List<String> a = line.arguments();
        for (int i = 0; i < a.size(); i++) {
            String opt = a.get(i);
            if (!opt.equals("--report") && !opt.equals("--trace") && !opt.equals("--gantt")) {
                throw new IllegalArgumentException(line.program() + ": a workload takes no arguments, got '"
                        + opt + "' (options: --report, --trace, --gantt FILE)");
            }
            if (++i >= a.size()) {
                throw new IllegalArgumentException(opt + " needs a file name");
            }
            switch (opt) {
                case "--report": report = a.get(i); break;
                case "--trace": trace = a.get(i); break;
                default: gantt = a.get(i); break;
            }
        }
        return new CommandLine.Outputs(report, trace, gantt);
    }

    // Writes text to a file named relative to cwd, if a name was given.
    private static void write(Path cwd, String name, String text) throws IOException {
        if (name == null) {
            return;
        }
        try {
            Files.writeString(cwd.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }
}
