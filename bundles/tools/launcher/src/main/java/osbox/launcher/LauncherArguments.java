package osbox.launcher;

import java.util.Map;

/**
 * The bnd launcher's service: it registers itself (objectClass
 * {@code java.lang.Object} and {@code aQute.launcher.Launcher}) with the
 * command-line arguments as the {@code String[]} property
 * {@code launcher.arguments}. Components reference it with this target.
 */
final class LauncherArguments {

    /** The property holding the command line. */
    static final String PROPERTY = "launcher.arguments";

    /** Reference target selecting the bnd launcher's service. */
    static final String TARGET = "(" + PROPERTY + "=*)";

    /** The property the launcher looks for on Runnable/Callable services. */
    static final String MAIN_THREAD = "main.thread";

    private LauncherArguments() {
    }

    /** The command line from the launcher service's properties (empty when absent). */
    static String[] of(Map<String, ?> properties) {
        Object value = properties.get(PROPERTY);
        if (value instanceof String[] strings) {
            return strings.clone();
        }
        if (value instanceof String string) {
            return string.isEmpty() ? new String[0] : new String[] {string};
        }
        return new String[0];
    }
}
