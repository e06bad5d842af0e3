package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import osbox.launcher.CommandLine.Mode;

class PluginsTest {

    @TempDir
    Path dir;

    private Path jar(String name, String symbolicName) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
            m.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); JarOutputStream j = new JarOutputStream(out, m)) {
            // the manifest alone
        }
        return p;
    }

    @Test
    void commandLineSkipsPluginValuesAnywhereBeforeTheProgram() {
        CommandLine line = CommandLine.parse(new String[] {"--plugin", "a.jar", "run", "--plugin", "b.jar",
            "--vm-policy", "nru", "p.elf", "--plugin", "x"});
        assertEquals(Mode.RUN, line.mode());
        assertEquals("p.elf", line.program());
        assertEquals("nru", line.vmPolicy());
        assertEquals(List.of("--plugin", "x"), line.arguments(), "the program's own arguments");
        assertEquals(Mode.INTERACTIVE, CommandLine.parse(new String[] {"--plugin", "a.jar"}).mode());
        assertEquals("--plugin needs a bundle jar", CommandLine.parse(new String[] {"run", "--plugin"}).error());
        assertEquals("--plugin needs a bundle jar", CommandLine.parse(new String[] {"--plugin", "", "run", "p"}).error());
        assertTrue(CommandLine.USAGE.contains("--plugin JAR"));
    }

    @Test
    void propertyListsPathsInOrder() {
        assertEquals(List.of(), Plugins.paths(null));
        assertEquals(List.of("/a/x.jar", "/b/y.jar"), Plugins.paths("/a/x.jar" + File.pathSeparator + " "
                + File.pathSeparator + "/b/y.jar"));
    }

    @Test
    void checkSaysWhyAFileIsNoBundle() throws IOException {
        assertEquals("no such file", Plugins.check(dir.resolve("missing.jar")));
        assertEquals("not a file", Plugins.check(dir));
        Path text = dir.resolve("notes.jar");
        Files.writeString(text, "hello");
        assertEquals("not a jar file", Plugins.check(text));
        assertEquals("not an OSGi bundle (no Bundle-SymbolicName in its manifest)", Plugins.check(jar("plain.jar", null)));
        assertNull(Plugins.check(jar("good.jar", "org.example.good")));
    }

    /** A BundleContext that installs fake bundles; {@code failStart} names the one whose start() throws. */
    private static BundleContext context(List<String> log, String failStart) {
        return (BundleContext) Proxy.newProxyInstance(PluginsTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle", "getProperty" -> null;
                    case "installBundle" -> bundle(log, (String) args[0], failStart);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Bundle bundle(List<String> log, String location, String failStart) {
        log.add("install " + location.substring(location.lastIndexOf('/') + 1));
        int[] state = {Bundle.INSTALLED};
        return (Bundle) Proxy.newProxyInstance(PluginsTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "adapt" -> null;
                    case "start" -> {
                        if (failStart != null && location.endsWith(failStart)) {
                            throw new BundleException("Unable to resolve org.example.bad: missing requirement"
                                    + " osgi.wiring.package=org.nowhere Unresolved requirements: [org.nowhere]\n  (nested detail)");
                        }
                        log.add("start " + location.substring(location.lastIndexOf('/') + 1));
                        state[0] = Bundle.ACTIVE;
                        yield null;
                    }
                    case "getState" -> state[0];
                    case "uninstall" -> {
                        log.add("uninstall " + location.substring(location.lastIndexOf('/') + 1));
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void installsAndStartsEveryPluginInOrder() throws IOException {
        List<String> log = new ArrayList<>();
        String a = jar("a.jar", "a").toString();
        String b = jar("b.jar", "b").toString();
        assertNull(Plugins.install(context(log, null), List.of(a, b), 1000));
        assertEquals(List.of("install a.jar", "install b.jar", "start a.jar", "start b.jar"), log);
    }

    @Test
    void aBundleThatDoesNotStartIsOneLineAndTheOthersAreUninstalled() throws IOException {
        List<String> log = new ArrayList<>();
        String a = jar("a.jar", "a").toString();
        String bad = jar("bad.jar", "org.example.bad").toString();
        String error = Plugins.install(context(log, "bad.jar"), List.of(a, bad), 1000);
        assertEquals("osbox: --plugin " + bad + ": cannot start it: Unable to resolve org.example.bad:"
                + " missing requirement osgi.wiring.package=org.nowhere", error);
        assertEquals(List.of("install a.jar", "install bad.jar", "start a.jar", "uninstall bad.jar",
            "uninstall a.jar"), log);
    }

    @Test
    void aFileThatIsNoBundleIsNeverInstalled() throws IOException {
        List<String> log = new ArrayList<>();
        String plain = jar("plain.jar", null).toString();
        assertEquals("osbox: --plugin " + plain + ": not an OSGi bundle (no Bundle-SymbolicName in its manifest)",
                Plugins.install(context(log, null), List.of(plain), 1000));
        assertEquals("osbox: --plugin nope.jar: no such file",
                Plugins.install(context(log, null), List.of("nope.jar"), 1000));
        assertEquals(List.of(), log);
    }
}
