package osbox.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import osbox.api.hw.DiskSpec;
import osbox.api.hw.MemorySize;
import osbox.api.hw.TlbSpec;
import osbox.api.kernel.DeadlockDetection;
import osbox.policy.support.options.Options;
import osbox.workload.RunLimits;

/**
 * The parsed command line of {@code osbox}.
 *
 * <pre>
 *   osbox [MACHINE OPTION]...               interactive Gogo shell (opened once the machine is up)
 *   osbox --help | -h | help                usage on stdout, exit 0
 *   osbox run [MACHINE OPTION]... [RUN OPTION]... PROGRAM [ARGS...]
 *                                           runs PROGRAM, exits with its status
 *   MACHINE OPTION: --harts N, --mem SIZE, --swap SIZE, --tlb SPEC, --plugin JAR, --host-dir DIR, --deadlock NAME,
 *                   --disk FILE[,model=hdd|ssd][,ro], --io-sched NAME, --io-sched-opt KEY=VALUE,
 *                   --io-mode DEV=MODE[,MODE...], --verbose
 *   RUN OPTION: --sched NAME, --sched-opt KEY=VALUE, --vm-policy NAME, --vm-opt KEY=VALUE,
 *               --report FILE, --trace FILE, --gantt FILE, --memory-svg FILE, --io-svg FILE, --strace[=FILE]
 * </pre>
 *
 * Options may stand anywhere before the program name (also before
 * {@code run}). The osbox script's {@link Preflight} parses the same
 * command line with this class before the framework starts: it checks it,
 * and turns {@code --verbose} (the log level), {@code --host-dir} and
 * {@code --plugin JAR} (the framework properties {@code osbox.host.dir}
 * and {@code osbox.plugins}, installed by {@link PluginComponent}),
 * {@code --mem}, {@code --swap} and {@code --tlb} into JVM arguments; in
 * the framework the launcher only keeps them. {@code --sched}
 * and {@code --sched-opt} become the framework properties
 * {@code osbox.sched.policy} and {@code osbox.sched.options} (the script
 * again), and are kept here too: the launcher checks the policy exists and
 * applies it with its options before it starts the program. {@code --} ends
 * the options. {@code --vm-policy} and {@code --vm-opt} are the same for the
 * page-replacement policy. {@code --mem} and {@code --swap} become the
 * framework properties {@code osbox.mem} and {@code osbox.swap}; their
 * sizes are checked here with the API's {@link MemorySize}, the parser the
 * components use. {@code --tlb SPEC} is the same for the framework property
 * {@code osbox.tlb} (the TLB of every hart), checked with {@link TlbSpec},
 * applied by the MMU component at boot. Without a command the shell is
 * interactive; every option that shapes the machine ({@code --mem},
 * {@code --swap}, {@code --tlb}, {@code --plugin}, {@code --host-dir},
 * {@code --verbose}) works there too, and the options of a run alone
 * ({@code --strace} among them: the framework property {@code osbox.strace},
 * "-" for stderr or the file's absolute path, read by the kernel at boot)
 * ({@code --sched}, {@code --vm-policy}, the output files) are a usage error.
 * {@code --io-sched} and {@code --io-sched-opt} choose the disks' I/O
 * scheduler for the shell and for a run alike: the preflight passes them as
 * the framework properties {@code osbox.io.sched.policy} and
 * {@code osbox.io.sched.options}, the block layer applies them at boot, and
 * the launcher checks the name before the shell opens or the program runs.
 *
 * @param mode       what to do
 * @param verbose    whether --verbose was given
 * @param program    the program path as given (RUN only)
 * @param arguments  the program's arguments after its name (RUN only)
 * @param error      the usage error (ERROR only)
 * @param sched      the scheduling policy --sched named, or null
 * @param schedOptions the --sched-opt items, each KEY=VALUE, in order
 * @param outputs    the --report, --trace, --gantt, --memory-svg and --io-svg files
 * @param vmPolicy   the page-replacement policy --vm-policy named, or null
 * @param vmOptions  the --vm-opt items, each KEY=VALUE, in order
 * @param mem        the --mem size as given, or null
 * @param swap       the --swap size as given, or null
 * @param tlb        the --tlb spec as given, or null
 * @param machine    the options the JVM must know before the framework starts
 * @param limits     the --max-instructions and --max-time bounds of the run ({@link RunLimits})
 * @param strace     where --strace writes: {@link #STRACE_STDERR} for stderr, a file as given, or null (off)
 */
public record CommandLine(Mode mode, boolean verbose, String program, List<String> arguments, String error,
        String sched, List<String> schedOptions, Outputs outputs, String vmPolicy, List<String> vmOptions,
        String mem, String swap, String tlb, Launch machine, RunLimits limits, String strace) {

    /** {@link #strace()} when --strace writes to stderr (also what --strace=- asks for). */
    public static final String STRACE_STDERR = "-";

    /** Without --strace. */
    public CommandLine(Mode mode, boolean verbose, String program, List<String> arguments, String error,
            String sched, List<String> schedOptions, Outputs outputs, String vmPolicy, List<String> vmOptions,
            String mem, String swap, String tlb, Launch machine, RunLimits limits) {
        this(mode, verbose, program, arguments, error, sched, schedOptions, outputs, vmPolicy, vmOptions, mem, swap,
                tlb, machine, limits, null);
    }

    /**
     * The options the JVM must know before the framework starts, read by
     * {@link Preflight}: the host directory and the plugin jars.
     *
     * @param hostDir  --host-dir as given, or null (the current directory)
     * @param plugins  the --plugin jars as given, in order
     * @param deadlock the --deadlock policy, or null
     * @param disks    the --disk specs, parsed (files as given), in order: vda first
     * @param harts    the --harts count as given (checked: 1..64), or null (the machine's configuration)
     * @param ioSched  the I/O scheduler --io-sched named, or null
     * @param ioSchedOptions the --io-sched-opt items, each KEY=VALUE, in order
     * @param ioModes  the --io-mode entries joined as {@code vda=pio,poll;vdb=dma} (checked), or null
     * @param swapDisk the --swap-disk spec (file as given), attached after the other disks, or null
     */
    public record Launch(String hostDir, List<String> plugins, String deadlock, List<DiskSpec> disks, String harts,
            String ioSched, List<String> ioSchedOptions, String ioModes, DiskSpec swapDisk) {
        public static final Launch NONE = new Launch(null, List.of(), null);

        /** Without --swap-disk. */
        public Launch(String hostDir, List<String> plugins, String deadlock, List<DiskSpec> disks, String harts,
                String ioSched, List<String> ioSchedOptions, String ioModes) {
            this(hostDir, plugins, deadlock, disks, harts, ioSched, ioSchedOptions, ioModes, null);
        }

        /** Without --io-mode and --swap-disk. */
        public Launch(String hostDir, List<String> plugins, String deadlock, List<DiskSpec> disks, String harts,
                String ioSched, List<String> ioSchedOptions) {
            this(hostDir, plugins, deadlock, disks, harts, ioSched, ioSchedOptions, null, null);
        }

        /** Without --io-sched, --io-mode and --swap-disk. */
        public Launch(String hostDir, List<String> plugins, String deadlock, List<DiskSpec> disks, String harts) {
            this(hostDir, plugins, deadlock, disks, harts, null, List.of(), null, null);
        }

        /** The --io-sched-opt items as a map, in order (a later KEY wins). */
        public Map<String, String> ioSchedOptionMap() {
            return optionMap(ioSchedOptions);
        }

        /** Without --harts. */
        public Launch(String hostDir, List<String> plugins, String deadlock, List<DiskSpec> disks) {
            this(hostDir, plugins, deadlock, disks, null);
        }

        /** Without --disk and --harts. */
        public Launch(String hostDir, List<String> plugins, String deadlock) {
            this(hostDir, plugins, deadlock, List.of(), null);
        }

        /** Without --deadlock, --disk and --harts. */
        public Launch(String hostDir, List<String> plugins) {
            this(hostDir, plugins, null);
        }
    }

    /** Without --host-dir, --plugin and run limits. */
    public CommandLine(Mode mode, boolean verbose, String program, List<String> arguments, String error,
            String sched, List<String> schedOptions, Outputs outputs, String vmPolicy, List<String> vmOptions,
            String mem, String swap, String tlb) {
        this(mode, verbose, program, arguments, error, sched, schedOptions, outputs, vmPolicy, vmOptions, mem, swap,
                tlb, Launch.NONE, RunLimits.NONE);
    }

    /** Without --tlb. */
    public CommandLine(Mode mode, boolean verbose, String program, List<String> arguments, String error,
            String sched, List<String> schedOptions, Outputs outputs, String vmPolicy, List<String> vmOptions,
            String mem, String swap) {
        this(mode, verbose, program, arguments, error, sched, schedOptions, outputs, vmPolicy, vmOptions, mem, swap,
                null);
    }

    /**
     * Where a run writes its report (JSON), Chrome trace (JSON), Gantt chart
     * (SVG), memory chart (SVG: resident sets and faults over time) and disk
     * chart (SVG: each disk's head position and queue depth over time); null: not.
     */
    public record Outputs(String report, String trace, String gantt, String memorySvg, String ioSvg) {
        public static final Outputs NONE = new Outputs(null, null, null, null, null);

        /** Without the disk chart. */
        public Outputs(String report, String trace, String gantt, String memorySvg) {
            this(report, trace, gantt, memorySvg, null);
        }

        /** Without the memory chart. */
        public Outputs(String report, String trace, String gantt) {
            this(report, trace, gantt, null);
        }

        /** True when any file is asked for. */
        public boolean any() {
            return report != null || trace != null || gantt != null || memorySvg != null || ioSvg != null;
        }
    }

    /** What the launcher does with a command line. */
    public enum Mode {
        /** No arguments: the interactive shell is the user interface. */
        INTERACTIVE,
        /** Print the usage and exit 0. */
        HELP,
        /** Run one program. */
        RUN,
        /** Print the error and the usage on stderr, exit 2. */
        ERROR
    }

    /** Exit status for usage errors and programs that cannot be started (as shells use 2). */
    public static final int USAGE_STATUS = 2;

    /** The usage text, without the installed policies (they are named by {@link #usage(String, String)}). */
    public static final String USAGE = usage(null, null);

    /**
     * The usage text, naming the scheduling and page replacement policies
     * installed ({@code schedPolicies}, {@code vmPolicies}: comma-separated
     * names, the built-in one first), or pointing to the shell's lists when
     * null.
     */
    public static String usage(String schedPolicies, String vmPolicies) {
        String sched = schedPolicies == null ? "see sched:list in the shell" : schedPolicies;
        String vm = vmPolicies == null ? "see vm:list in the shell" : vmPolicies;
        return String.join(System.lineSeparator(),
            "usage: osbox [MACHINE OPTION]...",
            "           the interactive shell (Gogo) on that machine",
            "       osbox run [MACHINE OPTION]... [RUN OPTION]... PROGRAM [ARGS...]",
            "           run a RISC-V ELF program or a workload (.yaml); exit with its status",
            "       osbox lab sched|paging|deadlock|disk [LAB OPTION]...",
            "           the labs, without the machine (osbox lab sched --help)",
            "       osbox --help",
            "           show this help",
            "",
            "Machine options (the shell and run; options go before PROGRAM):",
            option("--harts N", "the number of harts (1..64, default 1); the threads of one process run on"
                    + " them in parallel, and the run stays deterministic"),
            option("--mem SIZE", "physical memory, e.g. 4096K, 64M, 1G, at most 4T (default 256M)"),
            option("--swap SIZE", "the swap area, e.g. 16M, at most 4T; 0 for none (the default)"),
            option("--tlb SPEC", "every hart's TLB: [ENTRIES[xWAYS]][,entries=N][,ways=N|full]"
                    + " [,asid=on|off][,refill=hardware|software], e.g. 64x4, 16xfull, asid=off,"
                    + " 64x4,refill=software (misses trap to the kernel, which keeps hashed page tables; needs 2"
                    + " ways or more); default 256 entries direct-mapped, ASIDs, hardware refill"),
            option("--plugin JAR", "install and start a policy plugin bundle before the policies are chosen,"
                    + " e.g. --plugin vm-nru.jar --vm-policy nru; repeatable"),
            option("--host-dir DIR", "the host directory mounted read-only at /host for execve (default: the"
                    + " current directory)"),
            option("--deadlock NAME", "the deadlock detection policy: none, report (the default: a trace event,"
                    + " the run report, ipc:deadlocks), break (the wait that closes a cycle fails with EDEADLK),"
                    + " kill (the youngest deadlocked process is killed); in the shell deadlock:use NAME"),
            option("--disk FILE[,model=hdd|ssd][,ro]", "attach the raw image FILE as a disk (sector N at byte"
                    + " N*512, so an image made by mke2fs works as is): the hard disk model (the default) or the"
                    + " SSD; ro attaches it read-only. Repeatable: vda, vdb, ...; the shell's disk:list shows them"),
            option("--io-sched NAME", "the disks' I/O scheduler (default builtin, the block layer's FIFO): noop,"
                    + " sstf, scan, cscan, look, clook, deadline, bfq; in the shell io:use NAME, io:list"),
            option("--io-sched-opt KEY=VALUE", "an option of that I/O scheduler (repeatable), e.g. --io-sched"
                    + " deadline --io-sched-opt read-expire=100"),
            option("--io-mode DEV=MODE[,MODE...]", "how the driver of disk DEV works: dma or pio (the CPU"
                    + " copies every word), interrupt or poll (the CPU busy-waits), and costs as NAME=N"
                    + " (coalesce_count, coalesce_cycles, pio_cycles_per_word, interrupt_cycles, poll_interval),"
                    + " e.g. vda=pio,poll; default dma,interrupt. Repeatable; in the shell io:mode DEV MODE"),
            option("--swap-disk FILE[,model=hdd|ssd]", "swap on a disk: FILE is attached after the --disk ones"
                    + " (the last vdX) and its whole size is the swap area; page-ins and page-outs go through the"
                    + " block layer, its I/O scheduler and the disk's timing (instead of --swap's host memory)"),
            option("--verbose", "log at level info on stderr (default: warnings only)"),
            "",
            "Run options:",
            option("--sched NAME", "the scheduling policy (default builtin, the kernel's round robin): " + sched),
            option("--sched-opt KEY=VALUE", "an option of that policy (repeatable), e.g. --sched rr --sched-opt"
                    + " quantum=5000; the shell's sched:list shows them all"),
            option("--vm-policy NAME", "the page replacement policy (default builtin, the kernel's FIFO): " + vm),
            option("--vm-opt KEY=VALUE", "an option of that policy (repeatable); vm:list shows them"),
            option("--report FILE", "the report as JSON (times, memory and faults per process)"),
            option("--trace FILE", "a Chrome/Perfetto trace of the run as JSON (slices, syscalls, faults, a"
                    + " resident-set counter per process)"),
            option("--gantt FILE", "the Gantt chart as SVG"),
            option("--memory-svg FILE", "resident set and faults by kind over time, per process, as SVG"),
            option("--io-svg FILE", "each disk's head position (sector) and queue depth over time, as SVG"),
            option("--strace[=FILE]", "log every system call and signal of the program and its children, as"
                    + " strace -f does ([pid N] name(args) = result), to stderr or to FILE"),
            option("--max-instructions N", "stop the run after N instructions (all processes together)"),
            option("--max-time DURATION", "stop the run after DURATION of simulated time: 500ms, 2s, 1m (units ns,"
                    + " us, ms, s, m, h; a plain number is seconds). Either limit ends osbox with one line on stderr"
                    + " and status 124"),
            "",
            "A PROGRAM ending in .yaml is a workload file (examples/workloads): its processes",
            "arrive at their times; at the end a table per process (times, then memory) and a",
            "Gantt chart are printed; its output files may also follow its name. The output",
            "files are checked before the machine boots.",
            "",
            "The program's console is this terminal: its standard input is osbox's",
            "standard input and its output goes to standard output. Exit status: the",
            "program's exit code, or 128+N when signal N killed it; 2 for a usage or",
            "configuration error, or a program that cannot be started (one line on stderr);",
            "124 when --max-instructions or --max-time stopped it. On a terminal the",
            "program gets a terminal of its own: osbox puts yours in raw mode (^C goes to",
            "the program) and restores it at the end; ^A x ends osbox (status 130).");
    }

    /** Usage's option column: the options are this wide, their descriptions start after. */
    private static final int OPTION_COLUMN = 18;

    /** One option of the usage: its name, then its description wrapped (on the next line when the name is long). */
    static String option(String name, String description) {
        String column = "  " + name;
        if (column.length() >= OPTION_COLUMN) {
            return column + System.lineSeparator() + wrap(" ".repeat(OPTION_COLUMN), description);
        }
        return wrap(column + " ".repeat(OPTION_COLUMN - column.length()), description);
    }

    /** Usage columns: lines are wrapped at this width. */
    private static final int USAGE_WIDTH = 79;

    /**
     * {@code text} after {@code first} (the option column, whose width is
     * the continuation lines' indent), wrapped at spaces to {@link #USAGE_WIDTH}.
     */
    static String wrap(String first, String text) {
        String indent = " ".repeat(first.length());
        StringBuilder out = new StringBuilder(first);
        int lineStart = 0;
        for (String word : text.split(" ")) {
            boolean fresh = out.length() == lineStart + first.length();
            if (!fresh && out.length() - lineStart + 1 + word.length() > USAGE_WIDTH) {
                out.append(System.lineSeparator());
                lineStart = out.length();
                out.append(indent);
                fresh = true;
            }
            out.append(fresh ? "" : " ").append(word);
        }
        return out.toString();
    }

    /** Parses the launcher's arguments (never null; an empty array means interactive). */
    public static CommandLine parse(String[] args) {
        boolean verbose = false;
        boolean help = false;
        boolean optionsDone = false;
        String command = null;
        String sched = null;
        List<String> schedOptions = new ArrayList<>();
        String vmPolicy = null;
        List<String> vmOptions = new ArrayList<>();
        String mem = null;
        String swap = null;
        String tlb = null;
        String deadlock = null;
        String harts = null;
        String report = null;
        String trace = null;
        String gantt = null;
        String memorySvg = null;
        String ioSvg = null;
        RunLimits limits = RunLimits.NONE;
        String strace = null;
        String hostDir = null;
        List<String> plugins = new ArrayList<>();
        List<DiskSpec> disks = new ArrayList<>();
        String ioSched = null;
        List<String> ioSchedOptions = new ArrayList<>();
        List<String> ioModes = new ArrayList<>();
        DiskSpec swapDisk = null;
        int i = 0;
        // Options and the command, up to the program name.
        for (; i < args.length; i++) {
            String arg = args[i];
            if (!optionsDone && arg.equals("--")) {
                optionsDone = true;
            } else if (!optionsDone && (arg.equals("--verbose") || arg.equals("-v"))) {
                verbose = true;
            } else if (!optionsDone && (arg.equals("--help") || arg.equals("-h"))) {
                help = true;
            } else if (!optionsDone && arg.equals("--host-dir")) {
                // the preflight turns it into the osbox.host.dir framework property
                if (++i >= args.length || args[i].isEmpty()) {
                    return error("--host-dir needs a directory", verbose);
                }
                hostDir = args[i];
            } else if (!optionsDone && arg.equals("--plugin")) {
                // the preflight passes the jars as the osbox.plugins framework property
                if (++i >= args.length || args[i].isEmpty()) {
                    return error("--plugin needs a bundle jar", verbose);
                }
                plugins.add(args[i]);
            } else if (!optionsDone && arg.equals("--disk")) {
                // the preflight checks the image and passes the specs as the osbox.disks framework property
                if (++i >= args.length || args[i].isEmpty()) {
                    return error("--disk needs an image file (" + DiskSpec.SYNTAX + ")", verbose);
                }
                try {
                    disks.add(DiskSpec.parse(args[i]));
                } catch (IllegalArgumentException e) {
                    return error("--disk " + args[i] + ": " + e.getMessage(), verbose);
                }
                if (disks.size() > DiskSpec.MAX_DISKS) {
                    return error("--disk " + args[i] + ": too many disks (at most " + DiskSpec.MAX_DISKS
                            + ", vda to vdz)", verbose);
                }
            } else if (!optionsDone && arg.equals("--io-mode")) {
                // the preflight passes them as the osbox.block.driver.modes framework property; checked here
                String why = IoModes.whyNot(++i < args.length ? args[i] : null);
                if (why != null) {
                    return error(why, verbose);
                }
                ioModes.add(args[i].trim());
            } else if (!optionsDone && arg.equals("--swap-disk")) {
                // one more disk, after the --disk ones, whose whole size is the swap area (the preflight checks it)
                if (++i >= args.length || args[i].isEmpty()) {
                    return error("--swap-disk needs an image file (" + DiskSpec.SYNTAX + ")", verbose);
                }
                if (swapDisk != null) {
                    return error("--swap-disk " + args[i] + ": given twice (one swap disk)", verbose);
                }
                try {
                    swapDisk = DiskSpec.parse(args[i]);
                } catch (IllegalArgumentException e) {
                    return error("--swap-disk " + args[i] + ": " + e.getMessage(), verbose);
                }
                if (swapDisk.readOnly()) {
                    return error("--swap-disk " + args[i] + ": swap must be writable (drop ,ro)", verbose);
                }
            } else if (!optionsDone && arg.equals("--sched")) {
                if (++i >= args.length || args[i].isEmpty()) {
                    return error("--sched needs a policy name", verbose);
                }
                sched = args[i];
            } else if (!optionsDone && arg.equals("--sched-opt")) {
                if (++i >= args.length) {
                    return error("--sched-opt needs KEY=VALUE", verbose);
                }
                if (!isOption(args[i])) {
                    return error("--sched-opt needs KEY=VALUE, got '" + args[i] + "'", verbose);
                }
                schedOptions.add(args[i]);
            } else if (!optionsDone && arg.equals("--io-sched")) {
                // the preflight turns it into the osbox.io.sched.policy framework property
                if (++i >= args.length || args[i].isEmpty()) {
                    return error("--io-sched needs an I/O scheduler name", verbose);
                }
                ioSched = args[i];
            } else if (!optionsDone && arg.equals("--io-sched-opt")) {
                if (++i >= args.length) {
                    return error("--io-sched-opt needs KEY=VALUE", verbose);
                }
                if (!isOption(args[i]) || args[i].contains(",")) {
                    return error("--io-sched-opt needs KEY=VALUE (no commas), got '" + args[i] + "'", verbose);
                }
                ioSchedOptions.add(args[i]);
            } else if (!optionsDone && arg.equals("--vm-policy")) {
                if (++i >= args.length || args[i].isEmpty()) {
                    return error("--vm-policy needs a policy name", verbose);
                }
                vmPolicy = args[i];
            } else if (!optionsDone && arg.equals("--vm-opt")) {
                if (++i >= args.length) {
                    return error("--vm-opt needs KEY=VALUE", verbose);
                }
                if (!isOption(args[i])) {
                    return error("--vm-opt needs KEY=VALUE, got '" + args[i] + "'", verbose);
                }
                vmOptions.add(args[i]);
            } else if (!optionsDone && (arg.equals("--mem") || arg.equals("--swap"))) {
                if (++i >= args.length || args[i].isEmpty()) {
                    return error(arg + " needs a size, e.g. " + (arg.equals("--mem") ? "64M" : "16M or 0"), verbose);
                }
                try {
                    MemorySize.machine(args[i], arg.equals("--swap"));
                } catch (IllegalArgumentException e) {
                    return error(arg + " " + args[i] + ": " + e.getMessage(), verbose);
                }
                if (arg.equals("--mem")) {
                    mem = args[i];
                } else {
                    swap = args[i];
                }
            } else if (!optionsDone && arg.equals("--harts")) {
                // the preflight turns it into the osbox.harts framework property; checked here
                if (++i >= args.length || args[i].isEmpty()) {
                    return error("--harts needs a number of harts (1..64)", verbose);
                }
                if (!args[i].matches("[0-9]{1,2}") || Integer.parseInt(args[i]) < 1 || Integer.parseInt(args[i]) > 64) {
                    return error("--harts " + args[i] + ": not a number of harts (1..64)", verbose);
                }
                harts = Integer.toString(Integer.parseInt(args[i]));
            } else if (!optionsDone && arg.equals("--deadlock")) {
                // the preflight turns it into the osbox.deadlock framework property; checked here
                if (++i >= args.length || args[i].isEmpty()) {
                    return error("--deadlock needs a policy name (" + String.join(", ", DeadlockDetection.POLICIES)
                            + ")", verbose);
                }
                if (!DeadlockDetection.POLICIES.contains(args[i])) {
                    return error("--deadlock " + args[i] + ": no such deadlock policy (available: "
                            + String.join(", ", DeadlockDetection.POLICIES) + ")", verbose);
                }
                deadlock = args[i];
            } else if (!optionsDone && arg.equals("--tlb")) {
                // the preflight turns it into the osbox.tlb framework property; checked here
                if (++i >= args.length || args[i].isBlank()) {
                    return error("--tlb needs a spec, e.g. 64x4 or refill=software", verbose);
                }
                try {
                    TlbSpec.parse(args[i]);
                } catch (IllegalArgumentException e) {
                    return error("--tlb " + args[i] + ": " + e.getMessage(), verbose);
                }
                tlb = args[i];
            } else if (!optionsDone && isOutput(arg)) {
                if (++i >= args.length || args[i].isEmpty()) {
                    return error(arg + " needs a file name", verbose);
                }
                switch (arg) {
                    case "--report": report = args[i]; break;
                    case "--trace": trace = args[i]; break;
                    case "--gantt": gantt = args[i]; break;
                    case "--io-svg": ioSvg = args[i]; break;
                    default: memorySvg = args[i]; break;
                }
            } else if (!optionsDone && (arg.equals("--strace") || arg.startsWith("--strace="))) {
                strace = arg.equals("--strace") ? STRACE_STDERR : arg.substring("--strace=".length());
                if (strace.isEmpty()) {
                    return error("--strace= needs a file name (or --strace alone for stderr)", verbose);
                }
            } else if (!optionsDone && RunLimits.isOption(arg)) {
                try {
                    limits = limits.with(arg, ++i < args.length ? args[i] : null);
                } catch (IllegalArgumentException e) {
                    return error(e.getMessage(), verbose);
                }
            } else if (!optionsDone && arg.startsWith("-") && arg.length() > 1) {
                return error("unknown option: " + arg, verbose);
            } else if (command == null) {
                command = arg;
            } else {
                break;
            }
        }
        if (swapDisk != null && disks.size() >= DiskSpec.MAX_DISKS) {
            return error("--swap-disk " + swapDisk.file() + ": too many disks (at most " + DiskSpec.MAX_DISKS
                    + ", vda to vdz, the swap disk included)", verbose);
        }
        Launch machine = new Launch(hostDir, List.copyOf(plugins), deadlock, List.copyOf(disks), harts, ioSched,
                List.copyOf(ioSchedOptions), ioModes.isEmpty() ? null : String.join(";", ioModes), swapDisk);
        if (help || "help".equals(command)) {
            return new CommandLine(Mode.HELP, verbose, null, List.of(), null, null, List.of(), Outputs.NONE, null,
                    List.of(), null, null, null, machine, RunLimits.NONE);
        }
        if (!schedOptions.isEmpty() && sched == null) {
            return error("--sched-opt needs --sched NAME", verbose);
        }
        if (!ioSchedOptions.isEmpty() && ioSched == null) {
            return error("--io-sched-opt needs --io-sched NAME", verbose);
        }
        if (!vmOptions.isEmpty() && vmPolicy == null) {
            return error("--vm-opt needs --vm-policy NAME", verbose);
        }
        if (command == null) {
            // the shell: the machine's options apply, a run's are refused (the shell has commands for them)
            String runOnly = sched != null ? "--sched needs the run command (in the shell: sched:use NAME)"
                    : vmPolicy != null ? "--vm-policy needs the run command (in the shell: vm:use NAME)"
                    : report != null ? "--report needs the run command" : trace != null ? "--trace needs the run command"
                    : gantt != null ? "--gantt needs the run command"
                    : memorySvg != null ? "--memory-svg needs the run command"
                    : ioSvg != null ? "--io-svg needs the run command"
                    : limits.any() ? "--max-instructions and --max-time need the run command"
                    : strace != null ? "--strace needs the run command (in the shell: osbox:strace PID)" : null;
            if (runOnly != null) {
                return error(runOnly, verbose);
            }
            return new CommandLine(Mode.INTERACTIVE, verbose, null, List.of(), null, null, List.of(), Outputs.NONE,
                    null, List.of(), mem, swap, tlb, machine, RunLimits.NONE);
        }
        if (!command.equals("run")) {
            return error("unknown command: " + command, verbose);
        }
        if (i >= args.length) {
            return error("run: missing PROGRAM", verbose);
        }
        List<String> rest = new ArrayList<>();
        for (int j = i + 1; j < args.length; j++) {
            rest.add(args[j]);
        }
        return new CommandLine(Mode.RUN, verbose, args[i], Collections.unmodifiableList(rest), null, sched,
                List.copyOf(schedOptions), new Outputs(report, trace, gantt, memorySvg, ioSvg), vmPolicy,
                List.copyOf(vmOptions), mem, swap, tlb, machine, limits, strace);
    }

    /** True for the options naming an output file: --report, --trace, --gantt, --memory-svg, --io-svg. */
    static boolean isOutput(String arg) {
        return arg.equals("--report") || arg.equals("--trace") || arg.equals("--gantt") || arg.equals("--memory-svg")
                || arg.equals("--io-svg");
    }

    /** A usage error. */
    private static CommandLine error(String message, boolean verbose) {
        return new CommandLine(Mode.ERROR, verbose, null, List.of(), message, null, List.of(), Outputs.NONE, null,
                List.of(), null, null, null, Launch.NONE, RunLimits.NONE);
    }

    /** Whether the program named is a workload file (.yaml or .yml) rather than an ELF program. */
    public boolean isWorkload() {
        return program != null && (program.endsWith(".yaml") || program.endsWith(".yml"));
    }

    /**
     * Every output file of a run: those given before the program, and for a
     * workload also those after its name (a workload takes no arguments of
     * its own, so --report, --trace, --gantt, --memory-svg and --io-svg may
     * follow it). Throws IllegalArgumentException, a usage error, when a workload
     * is followed by anything else.
     */
    public Outputs allOutputs() {
        if (!isWorkload()) {
            return outputs;
        }
        String report = outputs.report();
        String trace = outputs.trace();
        String gantt = outputs.gantt();
        String memory = outputs.memorySvg();
        String io = outputs.ioSvg();
        for (int i = 0; i < arguments.size(); i++) {
            String opt = arguments.get(i);
            if (!isOutput(opt)) {
                throw new IllegalArgumentException(program + ": a workload takes no arguments, got '"
                        + opt + "' (options: --report, --trace, --gantt, --memory-svg, --io-svg FILE)");
            }
            if (++i >= arguments.size() || arguments.get(i).isEmpty()) {
                throw new IllegalArgumentException(opt + " needs a file name");
            }
            switch (opt) {
                case "--report": report = arguments.get(i); break;
                case "--trace": trace = arguments.get(i); break;
                case "--gantt": gantt = arguments.get(i); break;
                case "--io-svg": io = arguments.get(i); break;
                default: memory = arguments.get(i); break;
            }
        }
        return new Outputs(report, trace, gantt, memory, io);
    }

    /** The output files by option name, in the usage's order, for checks and messages (absent ones left out). */
    public Map<String, String> outputFiles() {
        Outputs o = allOutputs();
        Map<String, String> files = new java.util.LinkedHashMap<>();
        String[] names = {"--report", "--trace", "--gantt", "--memory-svg", "--io-svg"};
        String[] values = {o.report(), o.trace(), o.gantt(), o.memorySvg(), o.ioSvg()};
        for (int k = 0; k < names.length; k++) {
            if (values[k] != null) {
                files.put(names[k], values[k]);
            }
        }
        return files;
    }

    /** The --sched-opt items as a map, in order (a later KEY wins). */
    public Map<String, String> schedOptionMap() {
        return optionMap(schedOptions);
    }

    /** The --vm-opt items as a map, in order (a later KEY wins). */
    public Map<String, String> vmOptionMap() {
        return optionMap(vmOptions);
    }

    private static Map<String, String> optionMap(List<String> items) {
        return Options.parse(items.toArray(String[]::new));
    }

    // Whether one --sched-opt or --vm-opt value is a key=value item.
    private static boolean isOption(String item) {
        try {
            Options.parse(item);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** argv for the program: its path as given, then its arguments. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(arguments);
        return Collections.unmodifiableList(argv);
    }
}
