package osbox.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The determinism rules' condition: a class calls none of the given
 * {@link HostSource}s and does not use (in any way: field, parameter, call,
 * subclass...) one of the banned types. JDK classes are stubs here (see
 * archunit.properties), so each banned JDK type is named itself; a subclass
 * in osbox code is still found through its superclass. Each finding is one
 * violation with its source line and the reason.
 */
final class AvoidHostSources extends ArchCondition<JavaClass> {
    /** A class no use of which (or of its subclasses) is allowed, and why. */
    record BannedType(String name, String why) {
    }

    private final List<HostSource> sources;
    private final List<BannedType> bannedTypes;

    /** Bans the calls in {@code sources} and every use of {@code bannedTypes}. */
    AvoidHostSources(String description, List<HostSource> sources, List<BannedType> bannedTypes) {
        super(description);
        this.sources = List.copyOf(sources);
        this.bannedTypes = List.copyOf(bannedTypes);
    }

    @Override
    public void check(JavaClass origin, ConditionEvents events) {
        for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
            for (HostSource s : sources) {
                if (s.matches(access)) {
                    events.add(SimpleConditionEvent.violated(access, access.getDescription() + ": " + s.why()));
                }
            }
        }
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
            JavaClass target = d.getTargetClass().getBaseComponentType();
            for (BannedType banned : bannedTypes) {
                if (target.isAssignableTo(banned.name())) {
                    events.add(SimpleConditionEvent.violated(d, d.getDescription() + ": " + banned.why()));
                }
            }
        }
    }
}
