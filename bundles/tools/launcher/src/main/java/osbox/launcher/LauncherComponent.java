package osbox.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import osbox.api.hw.Console;
import osbox.api.hw.Machine;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;
import osbox.api.policy.PolicyControl;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.workload.HostProgram;
import osbox.workload.ProgramRunner;
import osbox.workload.RunLimits;

/**
 * {@code osbox run PROGRAM [ARGS...]}: once the machine and the kernel are
 * there, takes over the JVM's main thread, applies the scheduling policy
 * asked for ({@code --sched}) and the page-replacement policy
 * ({@code --vm-policy}), runs the program with the console on the
 * host's stdin and stdout, and exits with the program's status.
 * The {@code --plugin} bundles are active by then ({@link PluginComponent}
 * installs them as the launcher bundle starts); one that failed is reported
 * instead of running. Without a {@code run} command it does nothing.
 */
@Component(immediate = true)
public final class LauncherComponent {

    /** Framework property naming the console's input; "stdin" when the osbox script runs a program. */
    static final String CONSOLE_INPUT = "osbox.console.input";
    /** Framework property the osbox script sets when it put the host terminal in raw mode (its window). */
    static final String TERMINAL = "osbox.console.terminal";

    /** Service property marking the main-thread service as the one running a program. */
    static final String RUN_MARKER = "osbox.launcher";

    /** Host time to wait for the framework to finish starting before running anyway. */
    static final long STARTUP_WAIT_MILLIS = 30_000;

    private final ServiceRegistration<?> registration;

    /** Registers the main-thread service when the command line says {@code run}. */
    @Activate
    public LauncherComponent(BundleContext context,
            @Reference(name = "launcher", service = Object.class, target = LauncherArguments.TARGET) Map<String, Object> launcher,
            @Reference(name = "machine") Machine machine,
            @Reference(name = "processes") ProcessManager processes,
            @Reference(name = "console") Console console,
            @Reference(name = "scheduler", target = "(" + PolicyControl.KIND + "=" + SchedulingPolicyProvider.KIND
                    + ")") PolicyControl scheduler,
            @Reference(name = "vm", target = "(" + PolicyControl.KIND + "=" + ReplacementPolicyProvider.KIND
                    + ")") PolicyControl vm,
            @Reference(name = "plugins") PluginComponent plugins) {
        CommandLine line = CommandLine.parse(LauncherArguments.of(launcher));
        if (line.mode() != CommandLine.Mode.RUN) {
            registration = null;
            return;
        }
        boolean consoleOnStdin = "stdin".equals(context.getProperty(CONSOLE_INPUT));
        String terminal = context.getProperty(TERMINAL);
        boolean rawTerminal = consoleOnStdin && terminal != null && !terminal.isBlank();
        PolicyCheck sched = PolicyCheck.sched(line, context.getProperty(PolicyCheck.Kind.SCHED.policyProperty),
                context.getProperty(PolicyCheck.Kind.SCHED.optionsProperty));
        PolicyCheck vmCheck = PolicyCheck.vm(line, context.getProperty(PolicyCheck.Kind.VM.policyProperty),
                context.getProperty(PolicyCheck.Kind.VM.optionsProperty));
        Callable<Integer> body = () -> {
            // every bundle of the run started (the policies among them) before the policy is checked
            Startup.awaitBeginningStartLevel(context, STARTUP_WAIT_MILLIS);
            // a component of the machine that failed to start, though this one could (one line, not a run)
            ComponentFailures.Failure failure = ComponentFailures.first(context);
            if (failure != null) {
                System.err.println(failure.line());
                System.err.flush();
                return failure.status();
            }
            // and the --plugin bundles
            String pluginError = plugins.awaitError();
            if (pluginError != null) {
                // a --plugin jar could not be installed or started: nothing runs
                System.err.println(pluginError);
                System.err.flush();
                return CommandLine.USAGE_STATUS;
            }
            // the disks' I/O scheduler (--io-sched), checked like the other policies
            String ioRefused = CommandLineComponent.ioSchedRefusal(context, line);
            if (ioRefused != null) {
                System.err.println(ioRefused);
                System.err.flush();
                return CommandLine.USAGE_STATUS;
            }
            // on a raw host terminal (the osbox script says so) a person is typing: idle time passes as host time
            if (rawTerminal) {
                machine.setIdlePacer(new HostTimePacer());
            }
            // and the launcher's lines need their carriage returns
            PrintStream out = rawTerminal ? new PrintStream(new CarriageReturns(System.out), true) : System.out;
            return run(line, sched, vmCheck, machine, processes, console, scheduler, vm, consoleOnStdin,
                    Path.of("").toAbsolutePath(), out, System.err);
        };
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(LauncherArguments.MAIN_THREAD, "true");
        props.put(RUN_MARKER, "run");
        registration = context.registerService(Callable.class, new MainThread(body), props);
    }

    /** Withdraws the main-thread service. */
    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
    }

    /**
     * Applies the scheduling policy {@code sched} names and the
     * page-replacement policy {@code vmCheck} names, then runs
     * {@code line}'s program to completion and returns the exit status: the
     * program's (0-255, or 128+signal), or 2 when an output file cannot be
     * written, a policy is unknown or refuses its options, or the program
     * cannot be started, or 124 when a run limit ({@code --max-instructions},
     * {@code --max-time}) stopped it.
     */
    static int run(CommandLine line, PolicyCheck sched, PolicyCheck vmCheck, Machine machine,
            ProcessManager processes, Console console, PolicyControl scheduler, PolicyControl vm,
            boolean consoleOnStdin, Path cwd, PrintStream out, PrintStream err) {
        // the osbox script's preflight checked these already; started without it, here they are checked
        String unusable;
        try {
            unusable = OutputFiles.check(line.outputFiles(), cwd);
        } catch (IllegalArgumentException e) {
            unusable = "osbox: " + e.getMessage();
        }
        if (unusable != null) {
            err.println(unusable);
            err.flush();
            return CommandLine.USAGE_STATUS;
        }
        String refused = sched.apply(scheduler);
        PolicyCheck failed = sched;
        if (refused == null) {
            refused = vmCheck.apply(vm);
            failed = vmCheck;
        }
        if (refused != null) {
            err.println(failed.errorLine(refused));
            err.flush();
            // a policy may be active from boot, with other options
            vmCheck.release(vm);
            sched.release(scheduler);
            return CommandLine.USAGE_STATUS;
        }
        try {
            return runBounded(line, machine, processes, console, scheduler, vm, consoleOnStdin, cwd, out, err);
        } finally {
            vmCheck.release(vm);
            sched.release(scheduler);
        }
    }

    /**
     * Runs the program or workload within the run limits of {@code line}:
     * when the machine halts at one, the waiting thread (this one) is
     * interrupted, and the run ends with the limit's line on stderr and 124.
     */
    private static int runBounded(CommandLine line, Machine machine, ProcessManager processes, Console console,
            PolicyControl scheduler, PolicyControl vm, boolean consoleOnStdin, Path cwd, PrintStream out,
            PrintStream err) {
        RunLimits.Armed limits;
        try {
            limits = line.limits().arm(machine, Thread.currentThread());
        } catch (Exception e) {
            err.println("osbox: " + line.program() + ": cannot set the run limits: " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        }
        int status;
        try {
            status = runCommand(line, machine, processes, console, scheduler, vm, consoleOnStdin, cwd, out, err);
        } catch (InterruptedException e) {
            status = -1;
        }
        String stopped = limits.disarm();
        if (stopped != null) {
            ProgramRunner.flush(machine, console);
            out.flush();
            err.println("osbox: " + stopped);
            err.flush();
            return RunLimits.STATUS;
        }
        if (status < 0) {
            Thread.currentThread().interrupt();
            err.println("osbox: " + line.program() + ": interrupted");
            return 128 + 2;
        }
        return status;
    }

    // Runs a workload, a program with output files, or a plain program.
    private static int runCommand(CommandLine line, Machine machine, ProcessManager processes, Console console,
            PolicyControl scheduler, PolicyControl vm, boolean consoleOnStdin, Path cwd, PrintStream out,
            PrintStream err) throws InterruptedException {
        if (line.isWorkload()) {
            if (!consoleOnStdin) {
                console.connect(System.in, out);
            }
            return WorkloadRun.run(line, machine, processes, console, scheduler, vm, cwd, out, err);
        }
        if (line.outputs().any()) {
            if (!consoleOnStdin) {
                console.connect(System.in, out);
            }
            return WorkloadRun.runProgram(line, machine, processes, console, scheduler, vm, cwd, out, err);
        }
        return runProgram(line, machine, processes, console, consoleOnStdin, cwd, out, err);
    }

    /** Runs the program to completion; returns the exit status. Interrupted: a run limit or a stop. */
    private static int runProgram(CommandLine line, Machine machine, ProcessManager processes, Console console,
            boolean consoleOnStdin, Path cwd, PrintStream out, PrintStream err) throws InterruptedException {
        String program = line.program();
        byte[] image;
        try {
            image = HostProgram.read(cwd, program);
        } catch (HostProgram.UnreadableProgramException e) {
            err.println("osbox: " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        }
        if (!consoleOnStdin) {
            // Started without the osbox script: connect the console here.
            console.connect(System.in, out);
        }
        ProcessView end;
        try {
            end = new ProgramRunner(machine, processes, console).run(program, image, line.argv(),
                    ProgramRunner.ENVIRONMENT);
        } catch (ExecFormatException e) {
            err.println("osbox: " + program + ": " + e.getMessage());
            return CommandLine.USAGE_STATUS;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            err.println("osbox: " + program + ": cannot start: " + e);
            return CommandLine.USAGE_STATUS;
        } finally {
            out.flush();
        }
        // one line: the kernel's report names pid, signal, cause, pc and address
        String kill = ProgramRunner.killLine(program, end.waitStatus(), end.killReport());
        if (kill != null) {
            err.println("osbox: " + kill);
        }
        return WaitStatus.shellStatus(end.waitStatus());
    }
}
