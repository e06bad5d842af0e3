package osbox.launcher;

import java.io.PrintStream;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.Console;
import osbox.api.hw.Machine;
import osbox.api.kernel.ProcessManager;
import osbox.api.policy.PolicyControl;

/**
 * The parts of the command line that need no program: {@code --help} (with
 * the policies the installed bundles provide) and usage errors (one line).
 * For {@code run} and the interactive shell, a watchdog over the machine's
 * start: a component that failed to start (a bad {@code osbox.mem} or
 * {@code osbox.tlb}, say) is reported as one line with exit status 2 for a
 * configuration error, 70 otherwise ({@link ComponentFailures}); when the
 * machine's services have not all come within the startup timeout (a broken
 * or missing bundle), it says which are missing and exits 70 instead of
 * leaving the user with a JVM that waits forever. The shell (start level
 * 100) is only opened once the machine is up, so its commands never meet a
 * machine that failed: the osbox script starts the framework at level 99.
 */
@Component(immediate = true, configurationPid = "osbox.launcher")
@Designate(ocd = CommandLineComponent.Config.class)
public final class CommandLineComponent {

    /** The launcher's configuration (PID {@code osbox.launcher}). */
    @ObjectClassDefinition(name = "osbox launcher")
    public @interface Config {
        /** Host seconds to wait for the machine and kernel services before giving up. */
        @AttributeDefinition(description = "Host seconds to wait for the machine and kernel services")
        int startup_timeout_seconds() default 30;
    }

    /** Exit status when the machine never came up (EX_SOFTWARE). */
    static final int NOT_STARTED_STATUS = 70;

    /** The start level of the Gogo shell (osbox.bndrun). */
    static final int SHELL_START_LEVEL = 100;

    /** Host time the help waits for the policy slots to list their policies. */
    static final long HELP_WAIT_MILLIS = 10_000;

    /** How often the watchdog looks at the machine's start. */
    private static final long POLL_MILLIS = 20;

    private final BundleContext context;
    private final Thread watchdog;
    private volatile ServiceRegistration<?> registration;

    /** Answers help and usage errors; for {@code run} and the shell, starts the startup watchdog. */
    @Activate
    public CommandLineComponent(BundleContext context, Config config,
            @Reference(name = "launcher", service = Object.class, target = LauncherArguments.TARGET) Map<String, Object> launcher,
            @Reference(name = "plugins") PluginComponent plugins) {
        this.context = context;
        CommandLine line = CommandLine.parse(LauncherArguments.of(launcher));
        long timeoutMillis = Math.max(1, config.startup_timeout_seconds()) * 1000L;
        switch (line.mode()) {
            case HELP -> {
                register(() -> help(context, System.out));
                watchdog = null;
            }
            case ERROR -> {
                register(() -> usageError(line.error(), System.err));
                watchdog = null;
            }
            default -> {
                boolean shell = line.mode() == CommandLine.Mode.INTERACTIVE;
                watchdog = new Thread(() -> watch(shell, line, plugins, timeoutMillis), "osbox-startup-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
            }
        }
    }

    /** Stops the watchdog and withdraws any main-thread service. */
    @Deactivate
    void deactivate() {
        if (watchdog != null) {
            watchdog.interrupt();
        }
        ServiceRegistration<?> r = registration;
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
    }

    /**
     * Prints the usage on {@code out}, naming the policies the installed
     * bundles provide (once the framework has started them), and returns 0.
     */
    static int help(BundleContext context, PrintStream out) throws InterruptedException {
        Startup.awaitBeginningStartLevel(context, HELP_WAIT_MILLIS);
        return help(policies(context, PolicyCheck.Kind.SCHED), policies(context, PolicyCheck.Kind.VM), out);
    }

    /** Prints the usage naming these policies (comma-separated names; null: unknown) and returns 0. */
    static int help(String schedPolicies, String vmPolicies, PrintStream out) {
        out.println(CommandLine.usage(schedPolicies, vmPolicies));
        out.flush();
        return 0;
    }

    /** The names of the policies a slot offers, comma-separated (the built-in one first), or null without the slot. */
    static String policies(BundleContext context, PolicyCheck.Kind kind) throws InterruptedException {
        for (long waited = 0; waited < HELP_WAIT_MILLIS; waited += POLL_MILLIS) {
            try {
                for (ServiceReference<PolicyControl> ref : context.getServiceReferences(PolicyControl.class,
                        kind.target())) {
                    PolicyControl slot = context.getService(ref);
                    if (slot != null) {
                        try {
                            return String.join(", ", slot.policies().stream().map(PolicyControl.Policy::name)
                                    .toList());
                        } finally {
                            context.ungetService(ref);
                        }
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (ComponentFailures.first(context) != null) {
                return null;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return null;
    }

    /** Prints a usage error, one line, on {@code err} and returns 2 (the usage is for --help). */
    static int usageError(String error, PrintStream err) {
        err.println("osbox: " + error);
        err.flush();
        return CommandLine.USAGE_STATUS;
    }

    /**
     * Applies the I/O scheduler {@code --io-sched} (or the framework
     * properties) chose, through the block layer's slot: null when it is
     * active (or none was asked for, or there is no block layer), else the
     * one error line ("osbox: --io-sched NAME: no such I/O scheduler
     * (available: ...)").
     */
    static String ioSchedRefusal(BundleContext context, CommandLine line) {
        PolicyCheck io = PolicyCheck.io(line, context.getProperty(PolicyCheck.Kind.IO.policyProperty),
                context.getProperty(PolicyCheck.Kind.IO.optionsProperty));
        try {
            for (ServiceReference<PolicyControl> ref : context.getServiceReferences(PolicyControl.class,
                    PolicyCheck.Kind.IO.target())) {
                PolicyControl slot = context.getService(ref);
                if (slot != null) {
                    try {
                        String refused = io.apply(slot);
                        return refused == null ? null : io.errorLine(refused);
                    } finally {
                        context.ungetService(ref);
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    /** The services a run needs that are not registered now, by name (a policy slot's with its kind). */
    static String missing(BundleContext context) {
        StringBuilder sb = new StringBuilder();
        for (Class<?> type : new Class<?>[] {Machine.class, ProcessManager.class, Console.class}) {
            if (context.getServiceReference(type) == null) {
                sb.append(sb.length() == 0 ? "" : ", ").append(type.getName());
            }
        }
        for (PolicyCheck.Kind kind : PolicyCheck.Kind.values()) {
            try {
                if (context.getServiceReferences(PolicyControl.class, kind.target()).isEmpty()) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(PolicyControl.class.getName())
                            .append(kind.target());
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.toString();
    }

    /**
     * Watches the machine start until the run's main-thread service is there
     * (a run) or the machine's services are up (the shell, which it then
     * opens); registers a main-thread service with the one-line report and
     * its status when a component failed, or when the time is up.
     */
    private void watch(boolean shell, CommandLine line, PluginComponent plugins, long timeoutMillis) {
        String runFilter = "(&(objectClass=" + Callable.class.getName() + ")(" + LauncherArguments.MAIN_THREAD
                + "=true)(" + LauncherComponent.RUN_MARKER + "=run))";
        try {
            for (long waited = 0; waited <= timeoutMillis; waited += POLL_MILLIS) {
                ComponentFailures.Failure failure = ComponentFailures.first(context);
                if (failure != null) {
                    register(() -> report(failure.line(), failure.status()));
                    return;
                }
                if (!shell && context.getServiceReferences((String) null, runFilter) != null) {
                    return;
                }
                if (shell && machineUp()) {
                    if (plugins.awaitError() == null) {
                        // the policy bundles have started before the --io-sched name is checked
                        Startup.awaitBeginningStartLevel(context, LauncherComponent.STARTUP_WAIT_MILLIS);
                        String refused = ioSchedRefusal(context, line);
                        if (refused != null) {
                            register(() -> report(refused, CommandLine.USAGE_STATUS));
                            return;
                        }
                        openShell();
                    }
                    return;              // a plugin that failed is reported by PluginComponent
                }
                Thread.sleep(POLL_MILLIS);
            }
            String missing = missing(context);
            long seconds = timeoutMillis / 1000;
            register(() -> report("osbox: the machine did not start within " + seconds + " s"
                    + (missing.isEmpty() ? "" : "; missing services: " + missing), NOT_STARTED_STATUS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvalidSyntaxException | IllegalStateException e) {
            // bad filter cannot happen; IllegalStateException: the bundle is stopping
        }
    }

    /**
     * Prints {@code line} on stderr and ends the JVM with {@code status}: the
     * body of a failing main-thread service (the bnd launcher calls it on
     * the main thread). It halts rather than returning, because the Gogo
     * shell (start level 100) is starting on its own thread and, stopped
     * with the framework while it looks up its {@code gosh} command, prints
     * "CommandNotFoundException: gosh" and a trace on the stderr it captured
     * (1 run in 3 with {@code java -Dosbox.mem=12X -jar osbox.jar}). Nothing
     * has been run and nothing is kept on disk, so there is nothing for the
     * framework's stop to do.
     */
    private static int report(String line, int status) {
        System.out.flush();
        System.err.println(line);
        System.err.flush();
        Runtime.getRuntime().halt(status);
        return status;
    }

    /**
     * True when every service the shell's commands use is registered and can
     * be had (getting it activates a delayed component: one that fails shows
     * as a failure at the next look).
     */
    private boolean machineUp() throws InvalidSyntaxException {
        if (!missing(context).isEmpty()) {
            return false;
        }
        for (Class<?> type : new Class<?>[] {Machine.class, ProcessManager.class, Console.class}) {
            if (!usable(context.getServiceReference(type))) {
                return false;
            }
        }
        for (PolicyCheck.Kind kind : PolicyCheck.Kind.values()) {
            for (ServiceReference<PolicyControl> ref : context.getServiceReferences(PolicyControl.class,
                    kind.target())) {
                if (!usable(ref)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean usable(ServiceReference<?> ref) {
        if (ref == null || context.getService(ref) == null) {
            return false;
        }
        context.ungetService(ref);
        return true;
    }

    /** Raises the framework to the shell's start level (never lowers it): the Gogo shell starts. */
    private void openShell() {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        FrameworkStartLevel level = system == null ? null : system.adapt(FrameworkStartLevel.class);
        if (level != null && level.getStartLevel() < SHELL_START_LEVEL) {
            level.setStartLevel(SHELL_START_LEVEL);
        }
    }

    /** Registers {@code body} as the launcher's main-thread service. */
    private void register(Callable<Integer> body) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(LauncherArguments.MAIN_THREAD, "true");
        registration = context.registerService(Callable.class, new MainThread(body), props);
    }
}
