package osbox.workload;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import osbox.api.kernel.WaitStatus;
import osbox.api.sched.TaskAttributes;

/**
 * What a workload run did: per process times and counts, averages,
 * throughput, CPU utilisation, the policies, swaps and ejections, and the run
 * slices taken from the machine's trace. Every time is in cycles relative to
 * the start of the run (the cycle {@link #startCycle()} on the machine's
 * clock).
 *
 * <p>Renderings: {@link #table()} (text, times in simulated ms),
 * {@link #json()} (everything, times in cycles), {@link #chromeTrace()} (the
 * Chrome trace event format, for Perfetto or chrome://tracing),
 * {@link #gantt(int)} (a terminal Gantt chart) and {@link #svg()} (an SVG
 * Gantt chart).
 *
 * <p>The slices come from the trace buffer, which keeps the most recent
 * events only (100 000 by default, machine setting {@code trace.capacity}):
 * when a long run overflows it, {@link #traceComplete()} is false, the
 * slices start at {@link #traceStart()} and the charts say so.
 *
 * @param workload        the workload's name
 * @param file            the workload file, or ""
 * @param policy          the policy active when the run started
 * @param finalPolicy     the policy active when it ended
 * @param frequencyHz     the machine's clock
 * @param harts           the machine's harts
 * @param startCycle      machine cycle the run started at
 * @param elapsed         cycles from the start to the last exit (or last arrival)
 * @param busyCycles      cycles the harts were busy meanwhile (user code and charged kernel work)
 * @param processes       per process, in arrival order (ties in file order)
 * @param swaps           scripted swaps, as they happened
 * @param ejections       policies ejected during the run
 * @param slices          run slices on harts, by start
 * @param syscalls        system calls made (at most 20 000, the first ones)
 * @param syscallsDropped system calls beyond those
 * @param traceComplete   false when the trace buffer lost the beginning of the run
 * @param traceStart      cycle from which slices are known (0 when complete)
 */
public record RunReport(String workload, String file, String policy, String finalPolicy, long frequencyHz, int harts,
        long startCycle, long elapsed, long busyCycles, List<ProcessResult> processes, List<SwapResult> swaps,
        List<Ejection> ejections, List<Slice> slices, List<SyscallMark> syscalls, long syscallsDropped,
        boolean traceComplete, long traceStart) {

    public RunReport {
        Objects.requireNonNull(workload);
        processes = List.copyOf(processes);
        swaps = List.copyOf(swaps);
        ejections = List.copyOf(ejections);
        slices = List.copyOf(slices);
        syscalls = List.copyOf(syscalls);
        if (frequencyHz <= 0 || harts <= 0) {
            throw new IllegalArgumentException("frequency and harts must be positive");
        }
    }

    /**
     * One process.
     *
     * @param pid                 its pid (0 when it could not be started)
     * @param label               its name in the workload
     * @param program             the program as the workload names it (argv[0])
     * @param args                its arguments
     * @param attributes          its scheduling attributes
     * @param arrival             when it was created
     * @param firstRun            when it first ran, or -1
     * @param completion          when it exited (the exiting hart's clock, from the trace when it has the
     *                            exit; else ProcessView.exitedAt), or -1 (not started)
     * @param cpuCycles           cycles it ran user code
     * @param instructions        instructions it retired
     * @param syscalls            system calls it made
     * @param voluntarySwitches   times it gave up the CPU (blocked, yielded)
     * @param involuntarySwitches times it was preempted
     * @param waitStatus          its Linux wait status, or -1
     * @param killReport          why the kernel killed it, or null
     * @param error               why it could not be started, or null
     */
    public record ProcessResult(int pid, String label, String program, List<String> args, TaskAttributes attributes,
            long arrival, long firstRun, long completion, long cpuCycles, long instructions, long syscalls,
            long voluntarySwitches, long involuntarySwitches, int waitStatus, String killReport, String error) {
        public ProcessResult {
            args = List.copyOf(args);
        }

        /** A process the kernel refused to start at {@code arrival}. */
        public static ProcessResult failed(String label, String program, List<String> args,
                TaskAttributes attributes, long arrival, String error) {
            return new ProcessResult(0, label, program, args, attributes, arrival, -1, -1, 0, 0, 0, 0, 0, -1, null,
                    error);
        }

        /** The same with another completion time. */
        public ProcessResult withCompletion(long cycle) {
            return new ProcessResult(pid, label, program, args, attributes, arrival, firstRun, cycle, cpuCycles,
                    instructions, syscalls, voluntarySwitches, involuntarySwitches, waitStatus, killReport, error);
        }

        /** True when it ran and exited. */
        public boolean completed() {
            return error == null && completion >= 0;
        }

        /** Completion - arrival, or -1. */
        public long turnaround() {
            return completed() ? completion - arrival : -1;
        }

        /** First run - arrival, or -1. */
        public long response() {
            return firstRun >= 0 ? firstRun - arrival : -1;
        }

        /** Turnaround - CPU time: time spent ready or blocked (and in the kernel), or -1. */
        public long waitTime() {
            return completed() ? Math.max(0, turnaround() - cpuCycles) : -1;
        }

        /** "exited 0", "killed by SIGSEGV", or "not started: why". */
        public String status() {
            if (error != null) {
                return "not started: " + error;
            }
            return waitStatus < 0 ? "running" : WaitStatus.describe(waitStatus);
        }
    }

    /** A scripted swap: when it happened, what it asked for, the policy active after it, and why it was refused. */
    public record SwapResult(long at, String policy, Map<String, String> options, String activeAfter, String error) {
        public SwapResult {
            options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        }
    }

    /** A policy the kernel ejected (the built-in round robin took over). */
    public record Ejection(long at, String policy, String reason) {
    }

    /** Process {@code pid} ran on {@code hart} from {@code start} to {@code end}. */
    public record Slice(int hart, int pid, long start, long end) {
        public long length() {
            return end - start;
        }
    }

    /** Process {@code pid} made system call {@code number} on {@code hart}, answered {@code result}. */
    public record SyscallMark(long at, int hart, int pid, int number, long result) {
        public String name() {
            return TraceSlices.syscallName(number);
        }
    }

    // ---- figures ----

    /** Processes that ran and exited. */
    public List<ProcessResult> completed() {
        return processes.stream().filter(ProcessResult::completed).toList();
    }

    /** Mean turnaround of completed processes, in cycles (0 if none). */
    public double averageTurnaround() {
        return completed().stream().mapToLong(ProcessResult::turnaround).average().orElse(0);
    }

    /** Mean response of processes that ran, in cycles. */
    public double averageResponse() {
        return processes.stream().filter(p -> p.response() >= 0).mapToLong(ProcessResult::response).average()
                .orElse(0);
    }

    /** Mean wait of completed processes, in cycles. */
    public double averageWait() {
        return completed().stream().mapToLong(ProcessResult::waitTime).average().orElse(0);
    }

    /** Mean CPU time of completed processes, in cycles. */
    public double averageCpu() {
        return completed().stream().mapToLong(ProcessResult::cpuCycles).average().orElse(0);
    }

    /** Elapsed simulated seconds. */
    public double seconds() {
        return (double) elapsed / frequencyHz;
    }

    /** Completed processes per simulated second (0 for an empty run). */
    public double throughput() {
        return elapsed <= 0 ? 0 : completed().size() / seconds();
    }

    /** Busy cycles / (elapsed cycles x harts), at most 1. */
    public double utilisation() {
        return elapsed <= 0 ? 0 : Math.min(1.0, (double) busyCycles / ((double) elapsed * harts));
    }

    /** Cycles as simulated milliseconds, three decimals. */
    public String ms(long cycles) {
        return Times.ms(cycles, frequencyHz);
    }

    /** The label of a pid of this run, or "pid N" for processes it did not start (forked children). */
    public String labelOf(int pid) {
        for (ProcessResult p : processes) {
            if (p.pid() == pid && pid != 0) {
                return p.label();
            }
        }
        return "pid " + pid;
    }

    // ---- renderings ----

    /** A table per process with averages, throughput and utilisation; times in simulated ms. */
    public String table() {
        return ReportText.table(this);
    }

    /** The whole report as JSON (times in cycles; frequencyHz converts them). */
    public String json() {
        return ReportJson.report(this);
    }

    /**
     * A Chrome trace ({@code {"traceEvents": [...]}}, timestamps in simulated
     * microseconds): run slices on each hart's track and on each process's
     * track, instants for system calls, policy swaps and ejections. Opens in
     * https://ui.perfetto.dev and chrome://tracing.
     */
    public String chromeTrace() {
        return ReportJson.chromeTrace(this);
    }

    /**
     * A Gantt chart for the terminal, {@code columns} characters wide (at
     * least 40): a row per process ({@code #} running most of a column,
     * {@code +} running part of it, {@code .} waiting), a row per hart (the
     * letter of the process that ran most), swaps and ejections.
     */
    public String gantt(int columns) {
        return ReportText.gantt(this, columns);
    }

    /** The Gantt chart as an SVG image: a lane per process, coloured run boxes, a time axis and a legend. */
    public String svg() {
        return ReportSvg.svg(this);
    }
}
