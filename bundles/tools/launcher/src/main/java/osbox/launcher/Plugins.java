package osbox.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * {@code --plugin JAR}: third-party policy bundles installed and started
 * before the launcher checks {@code --sched} and {@code --vm-policy}. The
 * {@code osbox} script passes their absolute paths in the framework
 * property {@value #PROPERTY}, separated by the platform's path separator.
 * Once started they are bundles like any other: their providers join the
 * policy slots at the next safe point, and {@code stop}/{@code uninstall}
 * in the shell take them away again.
 */
final class Plugins {

    /** Framework property: the plugin jars, separated by {@link File#pathSeparator}. */
    static final String PROPERTY = "osbox.plugins";

    private Plugins() {
    }

    /** The paths in the property's value, in order, blanks skipped (none for null). */
    static List<String> paths(String property) {
        List<String> out = new ArrayList<>();
        if (property == null) {
            return out;
        }
        for (String p : property.split(File.pathSeparator)) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    /**
     * Why {@code jar} cannot be a plugin bundle, or null when it has a jar
     * manifest with a Bundle-SymbolicName: no such file, not a file, not a
     * jar, or not an OSGi bundle.
     */
    static String check(Path jar) {
        if (!Files.exists(jar)) {
            return "no such file";
        }
        if (!Files.isRegularFile(jar)) {
            return "not a file";
        }
        if (!Files.isReadable(jar)) {
            return "cannot read it";
        }
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            return "not a jar file";
        }
        if (manifest == null || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
            return "not an OSGi bundle (no Bundle-SymbolicName in its manifest)";
        }
        return null;
    }

    /**
     * Installs and starts every plugin in {@code paths}, in order, waiting at
     * most {@code timeoutMillis} for each bundle's start level to settle.
     * Returns null when all of them started, else the one error line for the
     * first that could not be installed or started; the plugins this call
     * installed are uninstalled again then, so nothing of them remains. Not
     * on the framework's start-level thread: it waits for that thread.
     */
    static String install(BundleContext context, List<String> paths, long timeoutMillis) {
        List<Bundle> installed = new ArrayList<>();
        String error = null;
        List<Bundle> toStart = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int ownLevel = ownStartLevel(context);
        for (String p : paths) {
            Path jar = Path.of(p).toAbsolutePath().normalize();
            String why = check(jar);
            if (why == null) {
                try (InputStream in = Files.newInputStream(jar)) {
                    String location = jar.toUri().toString();
                    boolean fresh = context.getBundle(location) == null;
                    Bundle bundle = installAway(context, location, in, ownLevel);
                    if (fresh) {
                        installed.add(bundle);
                    }
                    // new bundles get the bnd launcher's default start level (101, through its
                    // synchronous bundle listener, which sets it asynchronously): above the level
                    // a run stops at. They start at the launcher's own level, set after that.
                    BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
                    if (level != null && ownLevel > 0) {
                        level.setStartLevel(ownLevel);
                    }
                    toStart.add(bundle);
                    names.add(p);
                } catch (BundleException | IOException | SecurityException | IllegalStateException e) {
                    why = "cannot install it: " + firstLine(e);
                }
            }
            if (why != null) {
                error = errorLine(p, why);
                break;
            }
        }
        if (!toStart.isEmpty()) {
            try {
                // the start-level requests (the bnd launcher's, then this class's) are applied
                // in order on the framework's start-level thread: a request for the beginning
                // level queued after them is announced once they are done
                Startup.awaitBeginningStartLevel(context, timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 0; i < toStart.size() && error == null; i++) {
            Bundle bundle = toStart.get(i);
            try {
                awaitLevel(bundle, ownLevel, timeoutMillis);
                bundle.start();
                if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                    error = errorLine(names.get(i), "did not start (state " + bundle.getState() + ")");
                }
            } catch (BundleException | SecurityException | IllegalStateException e) {
                error = errorLine(names.get(i), "cannot start it: " + firstLine(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = errorLine(names.get(i), "interrupted");
            }
        }
        if (error != null) {
            for (Bundle b : installed) {
                try {
                    awaitLevel(b, ownLevel, timeoutMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (int i = installed.size() - 1; i >= 0; i--) {
                try {
                    installed.get(i).uninstall();
                } catch (BundleException | IllegalStateException ignored) {
                    // leaving anyway
                }
            }
        }
        return error;
    }

    /** The launcher bundle's start level, or 0 when unknown. */
    private static int ownStartLevel(BundleContext context) {
        Bundle own = context.getBundle();
        BundleStartLevel level = own == null ? null : own.adapt(BundleStartLevel.class);
        return level == null ? 0 : level.getStartLevel();
    }

    /**
     * Installs with an initial start level other than the launcher's, so
     * that seeing the launcher's level later means this class's request
     * (queued after the bnd launcher's) has been applied.
     */
    private static Bundle installAway(BundleContext context, String location, InputStream in, int ownLevel)
            throws BundleException {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        FrameworkStartLevel framework = system == null ? null : system.adapt(FrameworkStartLevel.class);
        if (framework == null || ownLevel <= 0 || framework.getInitialBundleStartLevel() != ownLevel) {
            return context.installBundle(location, in);
        }
        framework.setInitialBundleStartLevel(ownLevel + 1);
        try {
            return context.installBundle(location, in);
        } finally {
            framework.setInitialBundleStartLevel(ownLevel);
        }
    }

    /** Waits until {@code bundle} is at start level {@code level} (the framework applies it on its own thread). */
    private static void awaitLevel(Bundle bundle, int level, long timeoutMillis) throws InterruptedException {
        BundleStartLevel l = bundle.adapt(BundleStartLevel.class);
        if (l == null || level <= 0) {
            return;
        }
        for (long waited = 0; waited < timeoutMillis && bundle.getState() != Bundle.UNINSTALLED
                && l.getStartLevel() != level; waited += 10) {
            Thread.sleep(10);
        }
    }

    /** The error line for plugin {@code path}. */
    static String errorLine(String path, String why) {
        return "osbox: --plugin " + path + ": " + why;
    }

    // One line of an exception's message (Felix's resolution errors are long and nested).
    private static String firstLine(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        m = (nl < 0 ? m : m.substring(0, nl)).trim();
        // Felix repeats a resolution failure's requirements after this
        int repeat = m.indexOf(" Unresolved requirements:");
        return repeat > 0 ? m.substring(0, repeat) : m;
    }
}
