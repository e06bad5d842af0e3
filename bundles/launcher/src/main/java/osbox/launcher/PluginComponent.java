package osbox.launcher;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Installs and starts the {@code --plugin} bundles (framework property
 * {@value Plugins#PROPERTY}) while the launcher bundle starts, so they are
 * active before the framework reaches its beginning start level, which the
 * run waits for before it checks the policies. The run's
 * {@link LauncherComponent} references this service and, when a plugin
 * failed, reports it instead of running. Without a command (the
 * interactive shell) a failure is reported by a main-thread service of its
 * own: one line on stderr, exit status 2.
 */
@Component(immediate = true, service = PluginComponent.class)
public final class PluginComponent {

    private final String error;
    private volatile ServiceRegistration<?> registration;

    /** Installs the plugins (help and usage errors install none). */
    @Activate
    public PluginComponent(BundleContext context,
            @Reference(name = "launcher", service = Object.class, target = LauncherArguments.TARGET) Map<String, Object> launcher) {
        CommandLine.Mode mode = CommandLine.parse(LauncherArguments.of(launcher)).mode();
        if (mode == CommandLine.Mode.HELP || mode == CommandLine.Mode.ERROR) {
            error = null;
            return;
        }
        error = Plugins.install(context, Plugins.paths(context.getProperty(Plugins.PROPERTY)));
        if (error != null && mode == CommandLine.Mode.INTERACTIVE) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(LauncherArguments.MAIN_THREAD, "true");
            registration = context.registerService(java.util.concurrent.Callable.class, new MainThread(() -> {
                System.err.println(error);
                System.err.flush();
                return CommandLine.USAGE_STATUS;
            }), props);
        }
    }

    /** The error line when a plugin could not be installed or started, else null. */
    String error() {
        return error;
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
