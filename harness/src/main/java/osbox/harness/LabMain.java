package osbox.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.lab.DeadlockLab;
import osbox.testkit.lab.DiskLab;
import osbox.testkit.lab.PagingLab;
import osbox.testkit.lab.SchedLab;

/**
 * {@code osbox lab sched ...} and {@code osbox lab paging ...}: the policy labs on the command line
 * ({@code osbox lab deadlock ...}, the banker's and detection algorithms, takes no policy:
 * {@link DeadlockLab}; {@code osbox lab disk ...} runs OSTEP's disk.py model and the shipped I/O schedulers:
 * {@link DiskLab}). They
 * run the shipped policy classes (found through their bundles' DS descriptors, as
 * the framework would) on an abstract job list, without booting the machine.
 * {@code --plugin JAR} (repeatable, anywhere among the options) adds a plugin's
 * jar, made with the SDK's archetypes, to a class loader of the lab's own, so
 * its policy is found the same way.
 */
public final class LabMain {
    /** The labs' usage, two lines. */
    static final String USAGE = "usage: osbox lab sched [--plugin JAR]... --policy NAME --jobs LIST [options]\n"
            + "       osbox lab paging [--plugin JAR]... --policy NAME --addresses LIST --frames N [options]\n"
            + "       osbox lab deadlock --algorithm banker|detect --available V --allocation M ... [--json]\n"
            + "       osbox lab disk --policy FIFO|SSTF|SATF|noop|sstf|scan|...[,...] --addresses A,B,..."
            + " [--seek-speed S] [--rotation-speed R] [--cylinders N --head H] [--json] [--svg FILE]";

    private LabMain() {
    }

    /** Entry point: {@code lab sched|paging|deadlock|disk [options]}; exit status from the lab (2 for usage errors). */
    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a lab; returns its exit status (2 for usage errors and bad plugin jars). */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            out.println("(osbox lab sched --help, osbox lab paging --help, osbox lab deadlock --help and"
                    + " osbox lab disk --help list each lab's options)");
            return 0;
        }
        if (args.length > 0 && args[0].equals("deadlock")) {
            return DeadlockLab.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("disk")) {
            Map<String, IoSchedulingPolicyProvider> found;
            try {
                found = providers(IoSchedulingPolicyProvider.class, IoSchedulingPolicyProvider.NAME,
                        LabMain.class.getClassLoader());
            } catch (IOException | ReflectiveOperationException | LinkageError | ClassCastException e) {
                err.println("osbox lab disk: cannot load the I/O schedulers: " + e);
                return 2;
            }
            return DiskLab.run(Arrays.copyOfRange(args, 1, args.length), found, out, err);
        }
        if (args.length == 0 || !(args[0].equals("sched") || args[0].equals("paging"))) {
            err.println("osbox lab: " + (args.length == 0 ? "which lab?" : "no lab '" + args[0] + "'")
                    + " (sched, paging, deadlock or disk; osbox lab --help shows the usage)");
            return 2;
        }
        List<String> rest = new ArrayList<>();
        List<URL> plugins = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].equals("--plugin")) {
                rest.add(args[i]);
                continue;
            }
            if (++i >= args.length || args[i].isEmpty()) {
                err.println("osbox lab: --plugin needs a jar");
                return 2;
            }
            String why = checkJar(Path.of(args[i]));
            if (why != null) {
                err.println("osbox lab: --plugin " + args[i] + ": " + why);
                return 2;
            }
            plugins.add(Path.of(args[i]).toAbsolutePath().toUri().toURL());
        }
        String[] options = rest.toArray(new String[0]);
        ClassLoader loader = LabMain.class.getClassLoader();
        try (URLClassLoader withPlugins = new URLClassLoader(plugins.toArray(new URL[0]), loader)) {
            ClassLoader l = plugins.isEmpty() ? loader : withPlugins;
            if (args[0].equals("sched")) {
                Map<String, SchedulingPolicyProvider> found;
                try {
                    found = providers(SchedulingPolicyProvider.class, SchedulingPolicyProvider.NAME, l);
                } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                    err.println("osbox lab: --plugin: cannot load a policy provider: " + e);
                    return 2;
                }
                return SchedLab.run(options, found, out, err);
            }
            Map<String, ReplacementPolicyProvider> found;
            try {
                found = providers(ReplacementPolicyProvider.class, ReplacementPolicyProvider.NAME, l);
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                err.println("osbox lab: --plugin: cannot load a policy provider: " + e);
                return 2;
            }
            return PagingLab.run(options, found, out, err);
        }
    }

    /** Why {@code jar} cannot be added to the lab, or null: no such file, not a file, not a jar. */
    static String checkJar(Path jar) {
        if (!Files.exists(jar)) {
            return "no such file";
        }
        if (!Files.isRegularFile(jar)) {
            return "not a file";
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return null;
        } catch (IOException e) {
            return "not a jar file";
        }
    }

    /** Every provider of one policy kind on the classpath, by the name in its service property. */
    static <T> Map<String, T> providers(Class<T> type, String nameProperty) throws Exception {
        return providers(type, nameProperty, LabMain.class.getClassLoader());
    }

    /** Every provider of one policy kind {@code loader} sees, by the name in its service property. */
    static <T> Map<String, T> providers(Class<T> type, String nameProperty, ClassLoader loader)
            throws IOException, ReflectiveOperationException {
        TreeMap<String, T> out = new TreeMap<>();
        for (ComponentDescriptors.Descriptor d : ComponentDescriptors.load(loader)) {
            if (!(d.properties().get(nameProperty) instanceof String name) || !d.services().contains(type.getName())) {
                continue;
            }
            Class<?> c = Class.forName(d.implementation(), true, loader);
            Constructor<?> k = c.getConstructor();
            out.put(name, type.cast(k.newInstance()));
        }
        return out;
    }
}
