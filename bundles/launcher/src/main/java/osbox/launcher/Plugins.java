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
     * Installs and starts every plugin in {@code paths}, in order. Returns
     * null when all of them started, else the one error line for the first
     * that could not be installed or started; the plugins this call
     * installed are uninstalled again then, so nothing of them remains.
     */
    static String install(BundleContext context, List<String> paths) {
        List<Bundle> installed = new ArrayList<>();
        for (String p : paths) {
            Path jar = Path.of(p).toAbsolutePath().normalize();
            String why = check(jar);
            Bundle bundle = null;
            if (why == null) {
                try (InputStream in = Files.newInputStream(jar)) {
                    String location = jar.toUri().toString();
                    boolean fresh = context.getBundle(location) == null;
                    bundle = context.installBundle(location, in);
                    if (fresh) {
                        installed.add(bundle);
                    }
                    // new bundles get the framework's initial start level (101 under the bnd
                    // launcher): above the level a run stops at, where start() would only
                    // mark them to start later. They start at the launcher's own level.
                    BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
                    BundleStartLevel own = context.getBundle() == null ? null
                            : context.getBundle().adapt(BundleStartLevel.class);
                    if (level != null && own != null) {
                        level.setStartLevel(own.getStartLevel());
                    }
                    bundle.start();
                    if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                        why = "did not start (state " + bundle.getState() + ")";
                    }
                } catch (BundleException | IOException | SecurityException | IllegalStateException e) {
                    why = (bundle == null ? "cannot install it: " : "cannot start it: ") + firstLine(e);
                }
            }
            if (why != null) {
                for (int i = installed.size() - 1; i >= 0; i--) {
                    try {
                        installed.get(i).uninstall();
                    } catch (BundleException | IllegalStateException ignored) {
                        // leaving anyway
                    }
                }
                return errorLine(p, why);
            }
        }
        return null;
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
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
