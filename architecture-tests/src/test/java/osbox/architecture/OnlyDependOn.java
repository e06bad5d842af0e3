package osbox.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * The import rules' condition: a class may depend on its own bundle's
 * packages, on the allowed packages (ArchUnit patterns such as
 * {@code osbox.api..}) and on the allowed single classes; every other
 * dependency (call, field, parameter, return, annotation, superclass, ...)
 * is one violation, reported with its source line.
 */
final class OnlyDependOn extends ArchCondition<JavaClass> {
    /**
     * Groups whose bundles are one package tree each, named by the group
     * prefix and one more name: osbox.hw.cpu, osbox.sched.cfs,
     * osbox.vm.replace.lru, osbox.iosched.bfq, org.example.osbox.wrr, osbox.policy.support.
     * A package outside them is a bundle of its own.
     */
    private static final List<String> GROUPS =
            List.of("osbox.hw.", "osbox.sched.", "osbox.iosched.", "osbox.vm.replace.", "osbox.deadlock.", "org.example.osbox.",
                    "osbox.policy.");

    private final PackageMatchers packages;
    private final Set<String> classes;

    /** Allows {@code packages} (ArchUnit package patterns) and the fully qualified {@code classes}. */
    OnlyDependOn(List<String> packages, Set<String> classes) {
        super("depend only on their own bundle, " + String.join(", ", packages)
                + (classes.isEmpty() ? "" : " and " + String.join(", ", classes)));
        this.packages = PackageMatchers.of(packages);
        this.classes = Set.copyOf(classes);
    }

    @Override
    public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
            JavaClass target = d.getTargetClass().getBaseComponentType();
            if (!target.isPrimitive() && !allowed(origin, target)) {
                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
            }
        }
    }

    /** True when {@code origin} may depend on {@code target}. */
    private boolean allowed(JavaClass origin, JavaClass target) {
        String pkg = target.getPackageName();
        return packages.test(pkg) || classes.contains(target.getName())
                || within(pkg, bundleOf(origin.getPackageName()));
    }

    /** The bundle (its root package) that {@code pkg} belongs to, by {@link #GROUPS}. */
    static String bundleOf(String pkg) {
        for (String group : GROUPS) {
            if (pkg.startsWith(group)) {
                int end = pkg.indexOf('.', group.length());
                return end < 0 ? pkg : pkg.substring(0, end);
            }
        }
        return pkg;
    }

    /** True when {@code pkg} is {@code root} or one of its subpackages. */
    private static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }
}
