package osbox.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import osbox.hw.mmu.TlbConfig;
import osbox.policy.support.options.Options;
import osbox.workload.RunLimits;

/**
 * The parsed command line of {@code osbox}.
 *
 * <pre>
 *   osbox                                   interactive Gogo shell (the launcher does nothing)
 *   osbox --help | -h | help                usage on stdout, exit 0
 *   osbox run [--verbose] [--host-dir DIR] [--mem SIZE] [--swap SIZE] [--plugin JAR]... [--sched NAME] [--sched-opt KEY=VALUE]...
 *             [--vm-policy NAME] [--vm-opt KEY=VALUE]... PROGRAM [ARGS...]
 *                                           runs PROGRAM, exits with its status
 * </pre>
 *
 * Options may stand anywhere before the program name (also before
 * {@code run}). {@code --verbose} only raises the log level and
 * {@code --host-dir} sets a framework property, both done by the
 * {@code osbox} script, so the launcher merely skips them; so is
 * {@code --plugin JAR} (the property {@code osbox.plugins}, installed by
 * {@link PluginComponent}). {@code --sched}
 * and {@code --sched-opt} become the framework properties
 * {@code osbox.sched.policy} and {@code osbox.sched.options} (the script
 * again), and are kept here too: the launcher checks the policy exists and
 * applies it with its options before it starts the program. {@code --} ends
 * the options. {@code --vm-policy} and {@code --vm-opt} are the same for the
 * page-replacement policy. {@code --mem} and {@code --swap} become the
 * framework properties {@code osbox.mem} and {@code osbox.swap} (the
 * script); here their sizes are only checked. With {@code --mem} or
 * {@code --swap} and no command the shell is interactive. {@code --tlb SPEC}
 * is the same for the framework property {@code osbox.tlb} (the TLB of
 * every hart, see {@link TlbConfig}): checked here with
 * {@link TlbConfig#parse}, applied by the MMU component at boot.
 *
 * @param mode       what to do
 * @param verbose    whether --verbose was given
 * @param program    the program path as given (RUN only)
 * @param arguments  the program's arguments after its name (RUN only)
 * @param error      the usage error (ERROR only)
 * @param sched      the scheduling policy --sched named, or null
 * @param schedOptions the --sched-opt items, each KEY=VALUE, in order
 * @param outputs    the --report, --trace, --gantt and --memory-svg files
 * @param vmPolicy   the page-replacement policy --vm-policy named, or null
 * @param vmOptions  the --vm-opt items, each KEY=VALUE, in order
 * @param mem        the --mem size as given, or null
 * @param swap       the --swap size as given, or null
 * @param tlb        the --tlb spec as given, or null
 * @param limits     the --max-instructions and --max-time bounds of the run ({@link RunLimits})
 */
public record CommandLine(Mode mode, boolean verbose, String program, List<String> arguments, String error,
        String sched, List<String> schedOptions, Outputs outputs, String vmPolicy, List<String> vmOptions,
        String mem, String swap, String tlb, RunLimits limits) {

    /** Without run limits. */
    public CommandLine(Mode mode, boolean verbose, String program, List<String> arguments, String error,
            String sched, List<String> schedOptions, Outputs outputs, String vmPolicy, List<String> vmOptions,
            String mem, String swap, String tlb) {
        this(mode, verbose, program, arguments, error, sched, schedOptions, outputs, vmPolicy, vmOptions, mem, swap,
                tlb, RunLimits.NONE);
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
     * (SVG) and memory chart (SVG: resident sets and faults over time); null: not.
     */
    public record Outputs(String report, String trace, String gantt, String memorySvg) {
        public static final Outputs NONE = new Outputs(null, null, null, null);

        /** Without the memory chart. */
        public Outputs(String report, String trace, String gantt) {
            this(report, trace, gantt, null);
        }

        /** True when any file is asked for. */
        public boolean any() {
            return report != null || trace != null || gantt != null || memorySvg != null;
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

    /**
     * The largest {@code --mem} or {@code --swap} (4 TiB). Sizes are read by
     * {@link Options#pages}: bytes with an optional K, M, G or T suffix
     * ("4096K", "64M", "1G", also "64MiB" and "64MB"), a whole number of
     * 4 KiB pages, as {@code osbox.mem} and {@code osbox.swap} accept.
     */
    static final long MAX_SIZE = 4L << 40;

    /** The usage text, one line per form. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: osbox [--plugin JAR]...                open the interactive shell (Gogo)",
            "       osbox run [--verbose] [--host-dir DIR] [--mem SIZE] [--swap SIZE] [--tlb SPEC]",
            "                 [--plugin JAR]...",
            "                 [--sched NAME [--sched-opt KEY=VALUE]...]",
            "                 [--vm-policy NAME [--vm-opt KEY=VALUE]...] PROGRAM [ARGS...]",
            "                                               run a RISC-V ELF program; exit with its status",
            "       osbox --help                            show this help",
            "",
            "  --verbose       log at level info on stderr (default: warnings only)",
            "  --host-dir DIR  the host directory mounted read-only at /host for execve",
            "                  (default: the current directory)",
            "  --sched NAME    the scheduling policy: builtin (the kernel's round robin, the",
            "                  default), fifo, sjf, stcf, rr, priority, mlfq, lottery, stride, cfs",
            "  --sched-opt KEY=VALUE",
            "                  an option of that policy (repeat for more), e.g. --sched rr",
            "                  --sched-opt quantum=5000; the shell's sched:list shows them all",
            "  --mem SIZE      physical memory, e.g. 4096K, 64M, 1G (default: 256M)",
            "  --swap SIZE     the swap area, e.g. 16M; 0 for none (the default)",
            "  --tlb SPEC      every hart's TLB: [ENTRIES[xWAYS]][,entries=N][,ways=N|full]",
            "                  [,asid=on|off][,refill=hardware|software], e.g. 64x4, 16xfull,",
            "                  asid=off, 64x4,refill=software (misses trap to the kernel, which",
            "                  keeps hashed page tables; needs 2 ways or more); default 256",
            "                  entries direct-mapped, ASIDs, hardware refill. Chosen at launch",
            "  --vm-policy NAME",
            "                  the page replacement policy: builtin (the kernel's FIFO, the",
            "                  default), fifo, lru, clock, eclock, aging, lfu, mru, random",
            "  --vm-opt KEY=VALUE",
            "                  an option of that policy (repeat for more); vm:list shows them",
            "  --plugin JAR    install and start a policy plugin bundle (sdk/archetype,",
            "                  sdk/archetype-vm) before the policies are chosen, e.g.",
            "                  --plugin vm-nru.jar --vm-policy nru; repeat for more",
            "  --max-instructions N",
            "                  stop the run after N instructions (all processes together)",
            "  --max-time DURATION",
            "                  stop the run after DURATION of simulated time: 500ms, 2s, 1m",
            "                  (units ns, us, ms, s, m, h; a plain number is seconds). Either",
            "                  limit ends osbox with one line on stderr and status 124",
            "  (--mem, --swap, --tlb and --plugin also work without a command, for the",
            "  interactive shell)",
            "",
            "A PROGRAM ending in .yaml is a workload file (examples/workloads): its processes",
            "arrive at their times; at the end a table per process (times, then memory) and a",
            "Gantt chart are printed. Workloads and programs can also write (options before",
            "PROGRAM; for a workload also after it):",
            "  --report FILE.json  the report as JSON (times, memory and faults per process)",
            "  --trace FILE.json   a Chrome/Perfetto trace of the run (slices, syscalls, faults,",
            "                      a resident-set counter per process)",
            "  --gantt FILE.svg    the Gantt chart as SVG",
            "  --memory-svg FILE.svg",
            "                      resident set and faults by kind over time, per process, as SVG",
            "",
            "The program's console is this terminal: its standard input is osbox's",
            "standard input and its output goes to standard output. Exit status: the",
            "program's exit code, or 128+N when signal N killed it; 2 when it cannot be started;",
            "124 when --max-instructions or --max-time stopped it.");

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
        String report = null;
        String trace = null;
        String gantt = null;
        String memorySvg = null;
        RunLimits limits = RunLimits.NONE;
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
                // the osbox script turns it into the osbox.host.dir framework property; skip its value
                if (++i >= args.length) {
                    return error("--host-dir needs a directory", verbose);
                }
            } else if (!optionsDone && arg.equals("--plugin")) {
                // the osbox script passes the jars as the osbox.plugins framework property; skip its value
                if (++i >= args.length || args[i].isEmpty()) {
                    return error("--plugin needs a bundle jar", verbose);
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
                    Options.pages(args[i], MAX_SIZE, arg.equals("--swap"));
                } catch (IllegalArgumentException e) {
                    return error(arg + " " + args[i] + ": " + e.getMessage(), verbose);
                }
                if (arg.equals("--mem")) {
                    mem = args[i];
                } else {
                    swap = args[i];
                }
            } else if (!optionsDone && arg.equals("--tlb")) {
                // the osbox script turns it into the osbox.tlb framework property; checked here
                if (++i >= args.length || args[i].isEmpty()) {
                    return error("--tlb needs a spec, e.g. 64x4 or refill=software", verbose);
                }
                try {
                    TlbConfig.parse(args[i]);
                } catch (IllegalArgumentException e) {
                    return error("--tlb: " + firstLine(e.getMessage()), verbose);
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
                    default: memorySvg = args[i]; break;
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
        if (help || "help".equals(command)) {
            return new CommandLine(Mode.HELP, verbose, null, List.of(), null, null, List.of(), Outputs.NONE, null,
                    List.of(), null, null);
        }
        if (!schedOptions.isEmpty() && sched == null) {
            return error("--sched-opt needs --sched NAME", verbose);
        }
        if (!vmOptions.isEmpty() && vmPolicy == null) {
            return error("--vm-opt needs --vm-policy NAME", verbose);
        }
        if (command == null) {
            if (verbose) {
                return error("--verbose needs a command", true);
            }
            if (sched != null) {
                return error("--sched needs a command", false);
            }
            if (vmPolicy != null) {
                return error("--vm-policy needs a command", false);
            }
            return new CommandLine(Mode.INTERACTIVE, false, null, List.of(), null, null, List.of(), Outputs.NONE,
                    null, List.of(), mem, swap, tlb);
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
                List.copyOf(schedOptions), new Outputs(report, trace, gantt, memorySvg), vmPolicy, List.copyOf(vmOptions), mem,
                swap, tlb, limits);
    }

    // The first line of a message (TlbConfig's end with the syntax on a line of their own, if any).
    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }

    /** True for the options naming an output file: --report, --trace, --gantt, --memory-svg. */
    static boolean isOutput(String arg) {
        return arg.equals("--report") || arg.equals("--trace") || arg.equals("--gantt") || arg.equals("--memory-svg");
    }

    /** A usage error. */
    private static CommandLine error(String message, boolean verbose) {
        return new CommandLine(Mode.ERROR, verbose, null, List.of(), message, null, List.of(), Outputs.NONE, null,
                List.of(), null, null);
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
