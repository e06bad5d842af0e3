package osbox.workload;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import osbox.api.kernel.MemoryUsage;
import osbox.api.kernel.WaitStatus;
import osbox.api.sched.TaskAttributes;
import osbox.api.trace.TraceKind;

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
 * {@link #gantt(int)} (a terminal Gantt chart), {@link #svg()} (an SVG
 * Gantt chart) and {@link #memorySvg()} (resident sets and faults over time).
 *
 * <p>Memory: each process's final {@link MemoryUsage} (from
 * {@code ProcessView.memory()} at its exit), the same for processes the
 * workload's processes started ({@link #others()}: forked children), and the
 * memory events of the trace ({@link #memory()}: faults by kind, page-ins,
 * page-outs, resident-set samples; see {@link TraceKind}).
 *
 * <p>The slices come from the trace buffer, which keeps the most recent
 * events only (262 144 by default, machine setting {@code trace.capacity}):
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
 * @param others          processes created during the run that the workload does not list (forked children),
 *                        by pid, as they exited
 * @param memory          the memory events of the trace, by time (at most {@link #MAX_MEMORY_MARKS}, the first)
 * @param deadlocks       the deadlocks the kernel found during the run, in order
 * @param threads         every thread of the workload's processes, by tid (a process's first thread too)
 * @param boosts          the priority changes priority inheritance made, in order
 * @param blocks          the block layer's request events of the trace, by time (at most {@link #MAX_BLOCK_MARKS},
 *                        the first)
 * @param disk            the disks' statistics and the processes' I/O at the end ({@link DiskReport#NONE}: no disks)
 */
public record RunReport(String workload, String file, String policy, String finalPolicy, long frequencyHz, int harts,
        long startCycle, long elapsed, long busyCycles, List<ProcessResult> processes, List<SwapResult> swaps,
        List<Ejection> ejections, List<Slice> slices, List<SyscallMark> syscalls, long syscallsDropped,
        boolean traceComplete, long traceStart, List<OtherProcess> others, List<MemoryMark> memory,
        List<DeadlockMark> deadlocks, List<ThreadResult> threads, List<BoostMark> boosts, List<BlockMark> blocks,
        DiskReport disk) {

    /** A report without block-request events and disk statistics (a run without disks). */
    public RunReport(String workload, String file, String policy, String finalPolicy, long frequencyHz, int harts,
            long startCycle, long elapsed, long busyCycles, List<ProcessResult> processes, List<SwapResult> swaps,
            List<Ejection> ejections, List<Slice> slices, List<SyscallMark> syscalls, long syscallsDropped,
            boolean traceComplete, long traceStart, List<OtherProcess> others, List<MemoryMark> memory,
            List<DeadlockMark> deadlocks, List<ThreadResult> threads, List<BoostMark> boosts) {
        this(workload, file, policy, finalPolicy, frequencyHz, harts, startCycle, elapsed, busyCycles, processes, swaps,
                ejections, slices, syscalls, syscallsDropped, traceComplete, traceStart, others, memory, deadlocks,
                threads, boosts, List.of(), DiskReport.NONE);
    }

    /** A report without thread rows and priority boosts. */
    public RunReport(String workload, String file, String policy, String finalPolicy, long frequencyHz, int harts,
            long startCycle, long elapsed, long busyCycles, List<ProcessResult> processes, List<SwapResult> swaps,
            List<Ejection> ejections, List<Slice> slices, List<SyscallMark> syscalls, long syscallsDropped,
            boolean traceComplete, long traceStart, List<OtherProcess> others, List<MemoryMark> memory,
            List<DeadlockMark> deadlocks) {
        this(workload, file, policy, finalPolicy, frequencyHz, harts, startCycle, elapsed, busyCycles, processes, swaps,
                ejections, slices, syscalls, syscallsDropped, traceComplete, traceStart, others, memory, deadlocks,
                List.of(), List.of());
    }

    /** At most this many block-request events are kept (the first ones). */
    public static final int MAX_BLOCK_MARKS = 400_000;

    /**
     * A block-request event of the trace ({@link TraceKind#BLOCK_ISSUE},
     * {@link TraceKind#BLOCK_DISPATCH} or {@link TraceKind#BLOCK_COMPLETE}).
     *
     * @param at     when, in cycles from the run's start
     * @param kind   which of the three
     * @param pid    the submitter (0 the kernel)
     * @param device the block layer's device number
     * @param sector the request's first sector
     * @param count  its sectors
     * @param text   what the block layer said ("vda R 2048+8 by sstf, 3 queued")
     */
    public record BlockMark(long at, TraceKind kind, int pid, int device, long sector, int count, String text) {
        /** The mark of a trace event of a block kind, times relative to {@code t0}; null for other kinds. */
        public static BlockMark of(osbox.api.trace.TraceEvent e, long t0) {
            return switch (e.kind()) {
                case BLOCK_ISSUE, BLOCK_DISPATCH, BLOCK_COMPLETE -> new BlockMark(Math.max(0, e.cycle() - t0),
                        e.kind(), e.pid(), (int) (e.b() >>> 32), e.a(), (int) e.b(), e.text() == null ? "" : e.text());
                default -> null;
            };
        }

        /** The device's name: the text's first word ("vda"), or "disk N" when the text has none. */
        public String deviceName() {
            int space = text.indexOf(' ');
            return space > 0 ? text.substring(0, space) : "disk " + device;
        }

        /** The request as the trace names it: "R 2048+8" (the operation letter, sector+count). */
        public String request() {
            int space = text.indexOf(' ');
            char op = space > 0 && space + 1 < text.length() ? text.charAt(space + 1) : '?';
            return op + " " + sector + "+" + count;
        }
    }

    /** The same report with the disks' statistics read at its end. */
    public RunReport withDisk(DiskReport d) {
        return new RunReport(workload, file, policy, finalPolicy, frequencyHz, harts, startCycle, elapsed, busyCycles,
                processes, swaps, ejections, slices, syscalls, syscallsDropped, traceComplete, traceStart, others,
                memory, deadlocks, threads, boosts, blocks, d);
    }

    /** True when the run had disks: the renderings then have a disk section. */
    public boolean hasDisks() {
        return !disk.devices().isEmpty();
    }

    /** At most this many memory events are kept (the first ones). */
    public static final int MAX_MEMORY_MARKS = 400_000;

    /** A report without deadlocks. */
    public RunReport(String workload, String file, String policy, String finalPolicy, long frequencyHz, int harts,
            long startCycle, long elapsed, long busyCycles, List<ProcessResult> processes, List<SwapResult> swaps,
            List<Ejection> ejections, List<Slice> slices, List<SyscallMark> syscalls, long syscallsDropped,
            boolean traceComplete, long traceStart, List<OtherProcess> others, List<MemoryMark> memory) {
        this(workload, file, policy, finalPolicy, frequencyHz, harts, startCycle, elapsed, busyCycles, processes, swaps,
                ejections, slices, syscalls, syscallsDropped, traceComplete, traceStart, others, memory, List.of());
    }

    /**
     * A deadlock the kernel's detector reported during the run (a
     * {@link TraceKind#DEADLOCK} event).
     *
     * @param at   when, in cycles from the run's start
     * @param pid  the process whose wait closed it
     * @param text the cycle and what the detection policy did
     */
    public record DeadlockMark(long at, int pid, String text) {
    }

    /**
     * One thread of a workload's process (its first thread too), as the
     * kernel accounted it when it ended.
     *
     * @param tid                 its thread id
     * @param pid                 its process
     * @param name                its name (comm: the program's, or what prctl PR_SET_NAME gave it)
     * @param created             when it was created
     * @param firstRun            when it first ran, or -1
     * @param ended               when it ended
     * @param cpuCycles           cycles it ran user code
     * @param instructions        instructions it retired
     * @param syscalls            system calls it made
     * @param voluntarySwitches   times it gave up the CPU
     * @param involuntarySwitches times it was preempted
     * @param boosts              times priority inheritance raised its priority
     */
    public record ThreadResult(int tid, int pid, String name, long created, long firstRun, long ended,
            long cpuCycles, long instructions, long syscalls, long voluntarySwitches, long involuntarySwitches,
            int boosts) {
        /** The same with another boost count. */
        public ThreadResult withBoosts(int count) {
            return new ThreadResult(tid, pid, name, created, firstRun, ended, cpuCycles, instructions, syscalls,
                    voluntarySwitches, involuntarySwitches, count);
        }
    }

    /**
     * Priority inheritance changed a thread's priority (a
     * {@link TraceKind#PRIORITY_BOOST} event): a waiter lent it a better one,
     * or the loan ended.
     *
     * @param at   when, in cycles from the run's start
     * @param hart the hart it last ran on, or -1
     * @param tid  the thread
     * @param to   its priority after (0 most important)
     * @param from its priority before
     * @param text what the kernel said
     */
    public record BoostMark(long at, int hart, int tid, int to, int from, String text) {
        /** True for a boost (a better priority), false for the way back. */
        public boolean raised() {
            return to < from;
        }
    }

    public RunReport {
        Objects.requireNonNull(workload);
        deadlocks = List.copyOf(deadlocks);
        threads = List.copyOf(threads);
        boosts = List.copyOf(boosts);
        blocks = List.copyOf(blocks);
        disk = disk == null ? DiskReport.NONE : disk;
        others = List.copyOf(others);
        memory = List.copyOf(memory);
        processes = List.copyOf(processes);
        swaps = List.copyOf(swaps);
        ejections = List.copyOf(ejections);
        slices = List.copyOf(slices);
        syscalls = List.copyOf(syscalls);
        if (frequencyHz <= 0 || harts <= 0) {
            throw new IllegalArgumentException("frequency and harts must be positive");
        }
    }

    /** A report without memory figures (no other processes, no memory events). */
    public RunReport(String workload, String file, String policy, String finalPolicy, long frequencyHz, int harts,
            long startCycle, long elapsed, long busyCycles, List<ProcessResult> processes, List<SwapResult> swaps,
            List<Ejection> ejections, List<Slice> slices, List<SyscallMark> syscalls, long syscallsDropped,
            boolean traceComplete, long traceStart) {
        this(workload, file, policy, finalPolicy, frequencyHz, harts, startCycle, elapsed, busyCycles, processes,
                swaps, ejections, slices, syscalls, syscallsDropped, traceComplete, traceStart, List.of(), List.of());
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
     * @param memory              its memory counters at exit ({@link MemoryUsage#NONE} when not known)
     */
    public record ProcessResult(int pid, String label, String program, List<String> args, TaskAttributes attributes,
            long arrival, long firstRun, long completion, long cpuCycles, long instructions, long syscalls,
            long voluntarySwitches, long involuntarySwitches, int waitStatus, String killReport, String error,
            MemoryUsage memory) {
        public ProcessResult {
            args = List.copyOf(args);
            memory = memory == null ? MemoryUsage.NONE : memory;
        }

        /** The same without memory counters. */
        public ProcessResult(int pid, String label, String program, List<String> args, TaskAttributes attributes,
                long arrival, long firstRun, long completion, long cpuCycles, long instructions, long syscalls,
                long voluntarySwitches, long involuntarySwitches, int waitStatus, String killReport, String error) {
            this(pid, label, program, args, attributes, arrival, firstRun, completion, cpuCycles, instructions,
                    syscalls, voluntarySwitches, involuntarySwitches, waitStatus, killReport, error, MemoryUsage.NONE);
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
                    instructions, syscalls, voluntarySwitches, involuntarySwitches, waitStatus, killReport, error,
                    memory);
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

    /**
     * A process created during the run that the workload does not list (a
     * forked child), with its memory counters at exit.
     *
     * @param pid     its pid
     * @param ppid    its parent's pid
     * @param name    its program name
     * @param arrival when it was created
     * @param exit    when it exited, or -1 (still alive at the end)
     * @param memory  its memory counters at exit
     */
    public record OtherProcess(int pid, int ppid, String name, long arrival, long exit, MemoryUsage memory) {
        public OtherProcess {
            memory = memory == null ? MemoryUsage.NONE : memory;
        }
    }

    /**
     * A memory event of the trace (one of the kinds from
     * {@link TraceKind#ZERO_FILL_FAULT} to {@link TraceKind#MEMORY}).
     *
     * @param at       when (relative cycles)
     * @param hart     the hart, or -1
     * @param pid      the process whose space changed
     * @param kind     what happened
     * @param page     the page's virtual address (0 for MEMORY)
     * @param access   the low bits of the event's a: the access that faulted ({@code osbox.api.hw.Access} bit,
     *                 0 if unknown or not a fault), and bit 0 for a COW fault that copied the frame
     * @param resident the process's resident pages after it
     * @param swapped  its swapped pages after it (MEMORY only; -1 for the other kinds)
     */
    public record MemoryMark(long at, int hart, int pid, TraceKind kind, long page, int access, long resident,
            long swapped) {
        /** True for COW_FAULT events that copied the frame. */
        public boolean copied() {
            return kind == TraceKind.COW_FAULT && (access & 1) != 0;
        }

        /** The mark of a trace event of a memory kind, times relative to {@code t0}; null for other kinds. */
        public static MemoryMark of(osbox.api.trace.TraceEvent e, long t0) {
            long at = Math.max(0, e.cycle() - t0);
            return switch (e.kind()) {
                case ZERO_FILL_FAULT, IMAGE_FAULT, COW_FAULT, PAGE_IN, PAGE_OUT ->
                    new MemoryMark(at, e.hart(), e.pid(), e.kind(), e.a() & ~0xfffL, (int) (e.a() & 0xfff), e.b(), -1);
                case MEMORY -> new MemoryMark(at, e.hart(), e.pid(), e.kind(), 0, 0, e.a(), e.b());
                default -> null;
            };
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

    /**
     * Why the run did not go as the workload says, one line each (for
     * stderr, after "osbox: FILE: "): every process the kernel refused to
     * start, with its reason, then every scripted swap that was refused;
     * empty when it ran as written. {@code osbox run} exits 1 when it is not
     * empty.
     */
    public List<String> failures() {
        List<String> lines = new java.util.ArrayList<>();
        for (ProcessResult p : processes) {
            if (p.error() != null) {
                lines.add(p.label() + ": not started at " + Times.ms(p.arrival(), frequencyHz) + " ms: " + p.error());
            }
        }
        for (SwapResult s : swaps) {
            if (s.error() != null) {
                lines.add("swap to " + s.policy() + " at " + Times.ms(s.at(), frequencyHz) + " ms refused: "
                        + s.error() + " (" + s.activeAfter() + " stayed active)");
            }
        }
        return lines;
    }

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

    /** The threads of process pid, by tid (empty when the kernel reported none). */
    public List<ThreadResult> threadsOf(int pid) {
        return threads.stream().filter(t -> t.pid() == pid).toList();
    }

    /** True when some process of the run had more than one thread: the renderings then show a row per thread. */
    public boolean threaded() {
        return threads.stream().anyMatch(t -> t.tid() != t.pid());
    }

    /** How many times priority inheritance raised a thread's priority. */
    public long boostCount() {
        return boosts.stream().filter(BoostMark::raised).count();
    }

    /** Memory counters summed over the workload's processes and the others (peaks summed too). */
    public MemoryUsage memoryTotals() {
        MemoryUsage t = MemoryUsage.NONE;
        for (ProcessResult p : processes) {
            t = t.plus(p.memory());
        }
        for (OtherProcess o : others) {
            t = t.plus(o.memory());
        }
        return t;
    }

    /** True when there is anything to say about memory: counters or memory events. */
    public boolean hasMemory() {
        return !memory.isEmpty() || !memoryTotals().isEmpty();
    }

    // ---- renderings ----

    /** A table per process with averages, throughput and utilisation; times in simulated ms. */
    public String table() {
        return ReportText.table(this);
    }

    /** The whole report as JSON (times in cycles; frequencyHz converts them). */
    public String json() {
        return rendered(this::writeJson);
    }

    /** Writes {@link #json()} to {@code out} as it is made (nothing is held); flushes, does not close. */
    public void writeJson(Writer out) throws IOException {
        Json.writing(out, w -> ReportJson.report(this, w));
    }

    /**
     * A Chrome trace ({@code {"traceEvents": [...]}}, timestamps in simulated
     * microseconds): run slices on each hart's track and on each process's
     * track, instants for system calls, policy swaps and ejections. Opens in
     * https://ui.perfetto.dev and chrome://tracing.
     */
    public String chromeTrace() {
        return rendered(this::writeChromeTrace);
    }

    /** Writes {@link #chromeTrace()} to {@code out} event by event; flushes, does not close. */
    public void writeChromeTrace(Writer out) throws IOException {
        Json.writing(out, w -> ReportJson.chromeTrace(this, w));
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
        return rendered(this::writeSvg);
    }

    /** Writes {@link #svg()} to {@code out} as it is drawn; flushes, does not close. */
    public void writeSvg(Writer out) throws IOException {
        Json.writing(out, w -> ReportSvg.svg(this, new TextOut(w)));
    }

    /**
     * Memory over time as an SVG image: the resident sets of every process
     * on one chart, then a row per process with its resident set (and swapped
     * pages) and its cumulative faults by kind (zero fill, image, copy-on-write,
     * major), drawn from the trace's memory events and completed with the
     * final counters.
     */
    public String memorySvg() {
        return rendered(this::writeMemorySvg);
    }

    /** Writes {@link #memorySvg()} to {@code out} as it is drawn; flushes, does not close. */
    public void writeMemorySvg(Writer out) throws IOException {
        Json.writing(out, w -> MemorySvg.svg(this, new TextOut(w)));
    }

    /**
     * The disks over time as an SVG image: for each device its head's
     * position (sector) and below it its queue's depth, drawn from the
     * run's block-request events.
     */
    public String ioSvg() {
        return rendered(this::writeIoSvg);
    }

    /** Writes {@link #ioSvg()} to {@code out} as it is drawn; flushes, does not close. */
    public void writeIoSvg(Writer out) throws IOException {
        Json.writing(out, w -> IoSvg.svg(this, new TextOut(w)));
    }

    /** A file rendering: one of the write methods. */
    @FunctionalInterface
    public interface Rendering {
        /** Writes the rendering to {@code out}. */
        void writeTo(Writer out) throws IOException;
    }

    // A rendering written to a String (for tests and small reports).
    private static String rendered(Rendering rendering) {
        StringWriter out = new StringWriter();
        try {
            rendering.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
