package osbox.launcher;

import java.io.File;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import osbox.api.hw.DiskSpec;
import osbox.api.hw.MemorySize;
import osbox.api.kernel.DeadlockDetection;
import osbox.workload.HostProgram;
import osbox.workload.Workload;
import osbox.workload.WorkloadException;

/**
 * The osbox script's first step, in a small JVM of its own before the
 * framework's: parses the command line with {@link CommandLine} (so every
 * option the launcher knows is checked here too), checks what can be
 * checked without the machine, and prints the framework JVM's arguments.
 * Checked here: the usage, --mem, --swap and --tlb (the API's parsers, as
 * the components use them), --host-dir, the --disk images (there, readable,
 * writable unless ro: the API's DiskSpec check), the program file (a
 * workload's disks and io-sched become the osbox.disks and
 * osbox.io.sched.* properties), and that every
 * output file (--strace's among them) can be written. No framework and no bundle is started, so it
 * costs little (docs/performance.md).
 *
 * <p>Its output on stdout is a list of words, each ended by a NUL byte:
 * first the mode, {@code shell} (the interactive Gogo shell, whose end the
 * script reports as 0) or {@code command} (a run, the help), then the JVM
 * arguments ({@code -D} properties and, unless the user chose a heap, an
 * {@code -Xmx}). On an error it prints one line on stderr and exits 2.
 */
public final class Preflight {

    /** The framework property --strace becomes (the kernel component reads it). */
    static final String STRACE_PROPERTY = "osbox.strace";

    /** The start level commands and the shell's check stop at; the Gogo shell starts at 100. */
    static final int BEGINNING_START_LEVEL = 99;

    private Preflight() {
    }

    /**
     * What the script does: an error line (then nothing runs), or the mode
     * and the JVM arguments.
     */
    record Launch(String error, String mode, List<String> jvmArguments) {
        static Launch failed(String error) {
            return new Launch(error, null, List.of());
        }
    }

    /** Checks {@code args}; prints the launch (stdout) or the error (stderr, exit 2). */
    public static void main(String[] args) {
        // a class, not a method reference: a lambda's bootstrap costs the preflight JVM start time
        LongSupplier host = new LongSupplier() {
            @Override
            public long getAsLong() {
                return hostMemory();
            }
        };
        Launch launch = check(args, Path.of("").toAbsolutePath(), System.getenv(), host);
        if (launch.error() != null) {
            System.err.println(launch.error());
            System.exit(CommandLine.USAGE_STATUS);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.print(launch.mode());
        out.print('\0');
        for (String word : launch.jvmArguments()) {
            out.print(word);
            out.print('\0');
        }
        out.flush();
    }

    /**
     * The launch for {@code args} run from {@code cwd}, with the
     * environment {@code env} (OSBOX_JAVA_OPTS, JAVA_TOOL_OPTIONS and
     * JDK_JAVA_OPTIONS may name a heap) on a host with {@code hostMemory}
     * bytes (0: unknown; asked only for a machine larger than the default heap).
     */
    static Launch check(String[] args, Path cwd, Map<String, String> env, LongSupplier hostMemory) {
        CommandLine line = CommandLine.parse(args);
        if (line.mode() == CommandLine.Mode.ERROR) {
            return Launch.failed("osbox: " + line.error());
        }
        List<String> jvm = new ArrayList<>();
        String hostDir = line.machine().hostDir() == null ? "." : line.machine().hostDir();
        Path dir = cwd.resolve(hostDir).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return Launch.failed("osbox: --host-dir " + hostDir + ": "
                    + (Files.exists(dir) ? "Not a directory" : "No such file or directory"));
        }
        jvm.add("-Dosbox.host.dir=" + dir);
        List<DiskSpec> disks = new ArrayList<>();
        for (DiskSpec disk : line.machine().disks()) {
            if (disk.memoryBytes() > 0) {
                disks.add(disk);
                continue;
            }
            Path image = cwd.resolve(disk.file()).toAbsolutePath().normalize();
            String why = DiskSpec.whyNotUsable(image, disk.readOnly());
            if (why != null) {
                return Launch.failed("osbox: --disk " + disk.file() + ": " + why);
            }
            disks.add(new DiskSpec(image.toString(), disk.model(), disk.readOnly()));
        }
        String ioSchedPolicy = null;
        String ioSchedOptions = null;
        String swapDevice = null;
        // the swap disk's image is checked with the other disks, before the program (one line, status 2)
        DiskSpec swapDisk = line.machine().swapDisk();
        Path swapImage = null;
        if (swapDisk != null) {
            swapImage = cwd.resolve(swapDisk.file()).toAbsolutePath().normalize();
            String why = DiskSpec.whyNotUsable(swapImage, false);
            if (why != null) {
                return Launch.failed("osbox: --swap-disk " + swapDisk.file() + ": " + why);
            }
        }
        if (line.mode() == CommandLine.Mode.RUN) {
            String why = runProblem(line, cwd);
            if (why != null) {
                return Launch.failed(why);
            }
            if (line.isWorkload()) {
                // the workload's machine.disks and io-sched: what --disk and the io.sched slot's properties give
                Workload w;
                try {
                    w = Workload.load(cwd.resolve(line.program()));
                } catch (WorkloadException e) {
                    // the launcher reports a bad workload file, with the same line, once the machine is up
                    w = null;
                }
                if (w != null && !w.settings().disks().isEmpty()) {
                    if (!disks.isEmpty()) {
                        return Launch.failed("osbox: " + line.program() + ": machine.disks: the workload has its"
                                + " disks; --disk cannot add others");
                    }
                    for (Workload.Disk d : w.settings().disks()) {
                        disks.add(d.spec());
                    }
                }
                if (w != null && w.ioScheduler() != null) {
                    ioSchedPolicy = w.ioScheduler().policy();
                    List<String> options = new ArrayList<>();
                    w.ioScheduler().options().forEach((k, v) -> options.add(k + "=" + v));
                    ioSchedOptions = options.isEmpty() ? null : String.join(",", options);
                }
            }
        }
        // the swap disk comes after every other disk (--disk or the workload's): the last vdX
        if (swapImage != null) {
            swapDevice = DiskSpec.deviceName(disks.size());
            disks.add(new DiskSpec(swapImage.toString(), line.machine().swapDisk().model(), false));
        }
        if (line.verbose()) {
            jvm.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
            jvm.add("-Dds.loglevel=warn");     // component failures with their traces, for debugging
        }
        if (line.strace() != null) {
            // the kernel reads it at boot: every process the run spawns is traced into it
            jvm.add("-D" + STRACE_PROPERTY + "=" + (line.strace().equals(CommandLine.STRACE_STDERR)
                    ? CommandLine.STRACE_STDERR : cwd.resolve(line.strace()).toAbsolutePath().normalize()));
        }
        property(jvm, "osbox.mem", line.mem());
        property(jvm, "osbox.swap", line.swap());
        property(jvm, "osbox.swap.disk", swapDevice); // the VM manager's swap goes on this disk (SwapDiskBinding)
        property(jvm, "osbox.tlb", line.tlb());
        property(jvm, DeadlockDetection.PROPERTY, line.machine().deadlock());
        property(jvm, "osbox.harts", line.machine().harts());
        property(jvm, PolicyCheck.Kind.IO.policyProperty, line.machine().ioSched());
        property(jvm, PolicyCheck.Kind.IO.optionsProperty, line.machine().ioSchedOptions().isEmpty() ? null
                : String.join(",", line.machine().ioSchedOptions()));
        property(jvm, IoModes.PROPERTY, line.machine().ioModes());
        property(jvm, DiskSpec.PROPERTY, disks.isEmpty() ? null : DiskSpec.toProperty(disks));
        property(jvm, Workload.IO_SCHED_POLICY_PROPERTY, ioSchedPolicy);
        property(jvm, Workload.IO_SCHED_OPTIONS_PROPERTY, ioSchedOptions);
        List<String> plugins = new ArrayList<>();
        for (String p : line.machine().plugins()) {
            plugins.add(cwd.resolve(p).toAbsolutePath().normalize().toString());
        }
        property(jvm, Plugins.PROPERTY, plugins.isEmpty() ? null : String.join(File.pathSeparator, plugins));
        // below the Gogo shell's level: a command never starts it, and the shell only once the machine is up
        jvm.add("-Dorg.osgi.framework.startlevel.beginning=" + BEGINNING_START_LEVEL);
        String mode = line.mode() == CommandLine.Mode.INTERACTIVE ? "shell" : "command";
        if (line.mode() != CommandLine.Mode.INTERACTIVE) {
            jvm.add("-Dgosh.args=--nointeractive");
        }
        if (line.mode() == CommandLine.Mode.RUN) {
            jvm.add("-D" + LauncherComponent.CONSOLE_INPUT + "=stdin");   // the program's console is the terminal
        }
        String heap = HeapSize.option(line, env, hostMemory, Runtime.getRuntime().maxMemory());
        if (heap != null) {
            jvm.add(heap);
        }
        return new Launch(null, mode, List.copyOf(jvm));
    }

    // Why a run cannot start (its program file, its output files), or null.
    private static String runProblem(CommandLine line, Path cwd) {
        try {
            HostProgram.check(cwd, line.program());
        } catch (HostProgram.UnreadableProgramException e) {
            return "osbox: " + e.getMessage();
        }
        if (line.strace() != null && !line.strace().equals(CommandLine.STRACE_STDERR)) {
            String why = OutputFiles.whyNotWritable(cwd.resolve(line.strace()));
            if (why != null) {
                return "osbox: --strace=" + line.strace() + ": " + why;
            }
        }
        try {
            return OutputFiles.check(line.outputFiles(), cwd);
        } catch (IllegalArgumentException e) {
            return "osbox: " + e.getMessage();
        }
    }

    private static void property(List<String> jvm, String name, String value) {
        if (value != null) {
            jvm.add("-D" + name + "=" + value);
        }
    }

    /** The host's memory in bytes (the container's limit inside one), or 0 when unknown. */
    static long hostMemory() {
        try {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    /** The size of the machine's memory plus swap that {@code line} asks for (defaults: 256M, no swap). */
    static long machineBytes(CommandLine line) {
        long mem = line.mem() == null ? 256L << 20 : MemorySize.machine(line.mem(), false);
        long swap = line.swap() == null ? 0 : MemorySize.machine(line.swap(), true);
        return mem + swap;
    }
}
