package osbox.workload;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import osbox.api.sched.TaskAttributes;

/**
 * A workload: processes arriving at simulated times with scheduling
 * attributes, an optional scheduling policy and scripted policy swaps, and
 * machine settings. Load one from a YAML file with {@link #load(Path)}; run
 * it with {@link WorkloadRunner#run}. Every time is in cycles, relative to
 * the start of the run. The file format is described in
 * {@code examples/workloads/README.md}.
 *
 * @param name        the workload's name (the file's {@code name}, else its file name without extension)
 * @param description free text, or ""
 * @param file        the file it was loaded from (programs are relative to its directory)
 * @param frequencyHz the clock frequency its times with units were converted with
 * @param settings    machine settings, for whoever boots the machine
 * @param scheduler   the policy to choose at the start, or null to keep the active one
 * @param swaps       scripted policy changes, in file order
 * @param processes   the processes, with {@code count} expanded, in file order
 * @param ioScheduler the I/O scheduler to choose on every disk (the file's {@code io-sched}), or null
 */
public record Workload(String name, String description, Path file, long frequencyHz, Settings settings,
        Scheduler scheduler, List<Swap> swaps, List<ProcessSpec> processes, Scheduler ioScheduler) {

    public Workload {
        Objects.requireNonNull(name);
        Objects.requireNonNull(settings);
        swaps = List.copyOf(swaps);
        processes = List.copyOf(processes);
    }

    /** Without an I/O scheduler. */
    public Workload(String name, String description, Path file, long frequencyHz, Settings settings,
            Scheduler scheduler, List<Swap> swaps, List<ProcessSpec> processes) {
        this(name, description, file, frequencyHz, settings, scheduler, swaps, processes, null);
    }

    /** The framework property the io.sched slot's policy is chosen with (the block layer reads it). */
    public static final String IO_SCHED_POLICY_PROPERTY = "osbox.io.sched.policy";
    /** The framework property of the policy's options: {@code key=value} pairs, comma-separated. */
    public static final String IO_SCHED_OPTIONS_PROPERTY = "osbox.io.sched.options";

    /**
     * A disk the workload's machine has ({@code machine.disks}), attached as
     * {@code --disk} would attach it: in host memory when {@code image} is
     * null, else the image file.
     *
     * @param name   vda, vdb, ... in order
     * @param bytes  its size (of the image when one is given and no size)
     * @param model  hdd or ssd
     * @param image  the raw image file (resolved against the workload's directory), or null
     */
    public record Disk(String name, long bytes, String model, Path image) {
        /** The --disk spec of this disk ({@code memory:16M,model=ssd} or {@code /abs/a.img,model=hdd}). */
        public osbox.api.hw.DiskSpec spec() {
            return new osbox.api.hw.DiskSpec(image == null ? osbox.api.hw.DiskSpec.MEMORY + bytes
                    : image.toString(), model, false);
        }
    }

    /**
     * Machine settings a workload asks for. The runner cannot change hardware:
     * whoever boots the machine applies them (the launcher maps them to its
     * configuration; {@link WorkloadRunner} refuses to run on a machine with
     * a different number of harts). Unset values are 0.
     *
     * @param harts          number of harts (0: whatever the machine has)
     * @param quantum        the kernel's built-in round-robin quantum in cycles (0: default)
     * @param memoryMiB      physical memory in MiB (0: default)
     * @param traceCapacity  events the trace buffer keeps (0: default, 262 144); longer runs need more
     *                       for complete Gantt charts
     * @param disks          the disks, vda first (none: whatever --disk attached)
     */
    public record Settings(int harts, long quantum, long memoryMiB, int traceCapacity, List<Disk> disks) {
        /** Nothing asked for. */
        public static final Settings NONE = new Settings(0, 0, 0, 0);

        public Settings {
            disks = List.copyOf(disks);
        }

        /** Without disks. */
        public Settings(int harts, long quantum, long memoryMiB, int traceCapacity) {
            this(harts, quantum, memoryMiB, traceCapacity, List.of());
        }
    }

    /**
     * A scheduling policy with options (values as given, with times such as
     * {@code 100us} converted to cycles).
     */
    public record Scheduler(String policy, Map<String, String> options) {
        public Scheduler {
            Objects.requireNonNull(policy);
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }
    }

    /** A scripted policy swap at cycle {@code at} (relative to the start of the run). */
    public record Swap(long at, Scheduler scheduler) {
    }

    /**
     * One process to start.
     *
     * @param label       its name in reports ({@code name}, else the program's file name without
     *                    {@code .elf}; copies from {@code count} get {@code #1}, {@code #2}...)
     * @param program     the program file, resolved
     * @param path        the program as written in the workload file (argv[0])
     * @param image       the program file's bytes
     * @param args        arguments after argv[0]
     * @param arrival     cycle it is started at, relative to the start of the run
     * @param attributes  nice, priority, tickets and length and burst hints
     */
    public record ProcessSpec(String label, Path program, String path, byte[] image, List<String> args, long arrival,
            TaskAttributes attributes) {
        public ProcessSpec {
            args = List.copyOf(args);
        }

        /** argv: the path as written, then the arguments. */
        public List<String> argv() {
            java.util.ArrayList<String> argv = new java.util.ArrayList<>();
            argv.add(path);
            argv.addAll(args);
            return argv;
        }

        @Override
        public String toString() {
            return "ProcessSpec[" + label + " " + path + " " + args + " at " + arrival + " " + attributes + "]";
        }
    }

    /** Loads a workload file, converting times with units at 1 GHz. */
    public static Workload load(Path file) throws WorkloadException {
        return load(file, Times.DEFAULT_HZ);
    }

    /**
     * Loads a workload file, converting times with units (ms, us...) at
     * {@code frequencyHz} (use the machine's {@code frequencyHz()}).
     *
     * @throws WorkloadException naming the file and the field, for unreadable
     *         files, YAML errors, unknown keys, bad values and missing programs
     */
    public static Workload load(Path file, long frequencyHz) throws WorkloadException {
        return WorkloadParser.load(file, frequencyHz);
    }

    /**
     * Parses workload text as if it were the file {@code file} (whose directory
     * programs are relative to; the file itself is not read).
     */
    public static Workload parse(String yaml, Path file, long frequencyHz) throws WorkloadException {
        return WorkloadParser.parse(yaml, file, frequencyHz);
    }

    /** The same workload with another starting policy (a command line's choice over the file's). */
    public Workload withScheduler(String policy, Map<String, String> options) {
        return new Workload(name, description, file, frequencyHz, settings, new Scheduler(policy, options), swaps,
                processes, ioScheduler);
    }

    /** The same workload with other machine settings. */
    public Workload withSettings(Settings s) {
        return new Workload(name, description, file, frequencyHz, s, scheduler, swaps, processes, ioScheduler);
    }
}
