package osbox.harness;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.lab.SchedLab;

/**
 * {@code osbox lab sched ...}: the policy lab on the command line. It runs the
 * shipped policy classes (found through their bundles' DS descriptors, as
 * the framework would) on an abstract job list, without booting the machine.
 */
public final class LabMain {
    private LabMain() {
    }

    /** Entry point: {@code lab sched [options]}; exit status from the lab (2 for usage errors). */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("sched")) {
            System.err.println("osbox lab: usage: osbox lab sched --policy NAME --jobs LIST [options] (see --help)");
            System.exit(2);
        }
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        System.exit(SchedLab.run(rest, providers(), System.out, System.err));
    }

    /** Every scheduling policy provider on the classpath, by name. */
    static Map<String, SchedulingPolicyProvider> providers() throws Exception {
        TreeMap<String, SchedulingPolicyProvider> out = new TreeMap<>();
        for (ComponentDescriptors.Descriptor d : ComponentDescriptors.load(LabMain.class.getClassLoader())) {
            String name = d.properties().get(SchedulingPolicyProvider.NAME);
            if (name == null || !d.services().contains(SchedulingPolicyProvider.class.getName())) {
                continue;
            }
            Class<?> c = Class.forName(d.implementation(), true, LabMain.class.getClassLoader());
            Constructor<?> k = c.getConstructor();
            out.put(name, (SchedulingPolicyProvider) k.newInstance());
        }
        return out;
    }
}
