package osbox.launcher;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Installs and starts the {@code --plugin} bundles (framework property
 * {@value Plugins#PROPERTY}) as the launcher bundle starts, on a thread of
 * its own. The run's {@link LauncherComponent} references this service and
 * waits for it ({@link #awaitError}) before it checks the policies; when a
 * plugin failed, it reports that instead of running. Without a command (the
 * interactive shell) a failure is reported by a main-thread service of its
 * own: one line on stderr, exit status 2.
 */
@Component(immediate = true, service = PluginComponent.class)
public final class PluginComponent {

    /** Host time to wait for the plugins to be installed and started. */
    static final long TIMEOUT_MILLIS = 30_000;

    private final CompletableFuture<String> error = new CompletableFuture<>();
    private volatile ServiceRegistration<?> registration;

    /**
     * Installs the plugins (help and usage errors install none) on a thread
     * of its own: this runs on the framework's start-level thread, and
     * starting them needs their start level set, which that thread applies.
     */
    @Activate
    public PluginComponent(BundleContext context,
            @Reference(name = "launcher", service = Object.class, target = LauncherArguments.TARGET) Map<String, Object> launcher) {
        CommandLine.Mode mode = CommandLine.parse(LauncherArguments.of(launcher)).mode();
        List<String> paths = Plugins.paths(context.getProperty(Plugins.PROPERTY));
        if (mode == CommandLine.Mode.HELP || mode == CommandLine.Mode.ERROR || paths.isEmpty()) {
            error.complete(null);
            return;
        }
        Thread installer = new Thread(() -> {
            String line;
            try {
                line = Plugins.install(context, paths, TIMEOUT_MILLIS);
            } catch (RuntimeException e) {
                line = "osbox: --plugin: " + e;
            }
            error.complete(line);
            if (line != null && mode == CommandLine.Mode.INTERACTIVE) {
                String failed = line;
                Dictionary<String, Object> props = new Hashtable<>();
                props.put(LauncherArguments.MAIN_THREAD, "true");
                try {
                    registration = context.registerService(Callable.class,
                            new MainThread(() -> MainThread.lastWords(failed, CommandLine.USAGE_STATUS,
                                    () -> stopGogoShell(context))), props);
                } catch (IllegalStateException stopping) {
                    // the framework is going away
                }
            }
        }, "osbox-plugins");
        installer.setDaemon(true);
        installer.start();
    }

    /** The Gogo shell's bundle. */
    static final String GOGO_SHELL = "org.apache.felix.gogo.shell";

    /**
     * Stops the Gogo shell's bundle (transiently), which ends its shell
     * thread and waits for it; nothing when it is not there.
     */
    static void stopGogoShell(BundleContext context) {
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if (GOGO_SHELL.equals(b.getSymbolicName())) {
                try {
                    b.stop(org.osgi.framework.Bundle.STOP_TRANSIENT);
                } catch (org.osgi.framework.BundleException | IllegalStateException e) {
                    // the framework is stopping it anyway
                }
            }
        }
    }

    /**
     * Waits until the plugins are installed and started; returns the error
     * line when one could not be, else null.
     */
    String awaitError() throws InterruptedException {
        try {
            return error.get(TIMEOUT_MILLIS * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return "osbox: --plugin: " + e.getCause();
        } catch (TimeoutException e) {
            return "osbox: --plugin: the plugins did not start within " + TIMEOUT_MILLIS * 2 / 1000 + " s";
        }
    }

    /** Withdraws the main-thread service, if any. */
    @Deactivate
    void deactivate() {
        ServiceRegistration<?> r = registration;
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
    }
}
