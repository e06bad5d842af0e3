package osbox.harness;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.vm.ReplacementPolicyProvider;
import osbox.testkit.lab.PagingLab;
import osbox.testkit.lab.SchedLab;

/**
 * {@code osbox lab sched ...} and {@code osbox lab paging ...}: the policy labs on the command line. They
 * run the shipped policy classes (found through their bundles' DS descriptors, as
 * the framework would) on an abstract job list, without booting the machine.
 */
public final class LabMain {
    private LabMain() {
    }

    /** Entry point: {@code lab sched|paging [options]}; exit status from the lab (2 for usage errors). */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("sched") || args[0].equals("paging"))) {
            System.err.println("osbox lab: usage: osbox lab sched --policy NAME --jobs LIST [options]");
            System.err.println("                  osbox lab paging --policy NAME --addresses LIST --frames N [options]");
            System.exit(2);
        }
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        if (args[0].equals("sched")) {
            System.exit(SchedLab.run(rest, providers(SchedulingPolicyProvider.class, SchedulingPolicyProvider.NAME),
                    System.out, System.err));
        }
        System.exit(PagingLab.run(rest, providers(ReplacementPolicyProvider.class, ReplacementPolicyProvider.NAME),
                System.out, System.err));
    }

    /** Every provider of one policy kind on the classpath, by the name in its service property. */
    static <T> Map<String, T> providers(Class<T> type, String nameProperty) throws Exception {
        TreeMap<String, T> out = new TreeMap<>();
        for (ComponentDescriptors.Descriptor d : ComponentDescriptors.load(LabMain.class.getClassLoader())) {
            String name = d.properties().get(nameProperty);
            if (name == null || !d.services().contains(type.getName())) {
                continue;
            }
            Class<?> c = Class.forName(d.implementation(), true, LabMain.class.getClassLoader());
            Constructor<?> k = c.getConstructor();
            out.put(name, type.cast(k.newInstance()));
        }
        return out;
    }
}
