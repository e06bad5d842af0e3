package osbox.launcher;

import java.io.PrintStream;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
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
 * The parts of the command line that need no machine: {@code --help} and
 * usage errors answer at once. For {@code run}, a watchdog: when the
 * machine's services have not all come within the startup timeout (a broken
 * or missing bundle), it says which are missing and exits 70 instead of
 * leaving the user with a JVM that waits forever.
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

    private final BundleContext context;
    private final Thread watchdog;
    private volatile ServiceRegistration<?> registration;

    /** Answers help and usage errors; for {@code run}, starts the startup watchdog. */
    @Activate
    public CommandLineComponent(BundleContext context, Config config,
            @Reference(name = "launcher", service = Object.class, target = LauncherArguments.TARGET) Map<String, Object> launcher) {
        this.context = context;
        CommandLine line = CommandLine.parse(LauncherArguments.of(launcher));
        switch (line.mode()) {
            case HELP -> {
                register(() -> help(System.out));
                watchdog = null;
            }
            case ERROR -> {
                register(() -> usageError(line.error(), System.err));
                watchdog = null;
            }
            case RUN -> {
                long timeoutMillis = Math.max(1, config.startup_timeout_seconds()) * 1000L;
                watchdog = new Thread(() -> watch(timeoutMillis), "osbox-startup-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
            }
            default -> watchdog = null;
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

    /** Prints the usage on {@code out} and returns 0. */
    static int help(PrintStream out) {
        out.println(CommandLine.USAGE);
        out.flush();
        return 0;
    }

    /** Prints a usage error and the usage on {@code err} and returns 2. */
    static int usageError(String error, PrintStream err) {
        err.println("osbox: " + error);
        err.println(CommandLine.USAGE);
        err.flush();
        return CommandLine.USAGE_STATUS;
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

    /** Waits for the run's main-thread service; registers a failing one when it does not come. */
    private void watch(long timeoutMillis) {
        String filter = "(&(objectClass=" + Callable.class.getName() + ")(" + LauncherArguments.MAIN_THREAD
                + "=true)(" + LauncherComponent.RUN_MARKER + "=run))";
        try {
            for (long waited = 0; waited < timeoutMillis; waited += 50) {
                if (context.getServiceReferences((String) null, filter) != null) {
                    return;
                }
                Thread.sleep(50);
            }
            if (context.getServiceReferences((String) null, filter) != null) {
                return;
            }
            String missing = missing(context);
            long seconds = timeoutMillis / 1000;
            register(() -> {
                System.err.println("osbox: the machine did not start within " + seconds + " s"
                        + (missing.isEmpty() ? "" : "; missing services: " + missing));
                return NOT_STARTED_STATUS;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvalidSyntaxException | IllegalStateException e) {
            // bad filter cannot happen; IllegalStateException: the bundle is stopping
        }
    }

    /** Registers {@code body} as the launcher's main-thread service. */
    private void register(Callable<Integer> body) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(LauncherArguments.MAIN_THREAD, "true");
        registration = context.registerService(Callable.class, new MainThread(body), props);
    }
}
