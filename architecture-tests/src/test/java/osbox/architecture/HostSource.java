package osbox.architecture;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One way to read the host's time or randomness: a member (a method, or
 * {@code <init>} for a constructor) of a JDK class, called with parameters
 * that {@link #parameters} accepts, and why it is banned. The tables of what
 * the simulation path and the test kit may not call are lists of these (see
 * {@link ArchitectureRules}).
 */
record HostSource(String owner, String member, Predicate<List<String>> parameters, String why) {
    /** Any parameters. */
    static final Predicate<List<String>> ANY = p -> true;
    /** No parameters: the unseeded constructor, the default-zone now(). */
    static final Predicate<List<String>> NONE = List::isEmpty;
    /** Exactly one parameter: Collections.shuffle(list), without its Random. */
    static final Predicate<List<String>> ONE = p -> p.size() == 1;
    /** Not given a java.time.Clock: now() and now(zone) read the host's clock, now(clock) reads the clock given. */
    static final Predicate<List<String>> NO_CLOCK = p -> !p.contains("java.time.Clock");

    /** One source for each name, made by {@code source}. */
    static List<HostSource> each(List<String> names, Function<String, HostSource> source) {
        return names.stream().map(source).toList();
    }

    /** True when {@code access} (a call, a method or constructor reference) reaches this source. */
    boolean matches(JavaAccess<?> access) {
        AccessTarget target = access.getTarget();
        if (!target.getOwner().getName().equals(owner) || !target.getName().equals(member)) {
            return false;
        }
        List<String> types = target instanceof AccessTarget.CodeUnitAccessTarget unit
                ? unit.getRawParameterTypes().stream().map(JavaClass::getName).toList()
                : List.of();
        return parameters.test(types);
    }
}
