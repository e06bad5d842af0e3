package osbox.testkit.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import osbox.api.policy.PolicyProvider;

/**
 * The part of every policy contract that checks the provider: it describes
 * itself in one line, accepts its defaults and no options, and rejects an
 * unknown option or a malformed value with an IllegalArgumentException
 * naming the option. The contract of each kind of policy
 * ({@code SchedulingPolicyContract}, {@code ReplacementPolicyContract})
 * extends it with the checks of its policies; subclass one of those in your
 * bundle's tests.
 *
 * @param <P> the kind's policy interface
 */
public abstract class PolicyProviderContract<P> {
    /** The provider under test. */
    protected abstract PolicyProvider<P> provider();

    /** The options policies are created with (default: none, so the defaults). */
    protected Map<String, String> options() {
        return Map.of();
    }

    /** Options whose value may be any text, so a malformed value cannot be rejected. */
    protected Set<String> freeFormOptions() {
        return Set.of();
    }

    /** A fresh policy from the provider with {@link #options()}; fails when create(...) returns null. */
    protected P newPolicy() {
        P p = provider().create(options());
        assertNotNull(p, "create(...) returned null");
        return p;
    }

    /** describe() is one non-blank line. */
    @Test
    public void describesItselfInOneLine() {
        String d = provider().describe();
        assertNotNull(d);
        assertFalse(d.isBlank(), "describe() is blank");
        assertFalse(d.contains("\n"), "describe() is more than one line");
    }

    /** Its defaults, and no options at all, are accepted. */
    @Test
    public void acceptsItsDefaultsAndNoOptions() {
        Map<String, String> defaults = provider().defaults();
        assertNotNull(defaults, "defaults() returned null");
        assertNotNull(provider().create(defaults));
        assertNotNull(provider().create(Map.of()));
    }

    /** An unknown option is rejected with an IllegalArgumentException naming it. */
    @Test
    public void rejectsAnUnknownOptionByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider().create(Map.of("no-such-option-xyzzy", "1")));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains("no-such-option-xyzzy"), "message does not name the option: " + e.getMessage());
    }

    /** Every option (but free-form ones) rejects a malformed value with a message naming it. */
    @Test
    public void rejectsMalformedOptionValuesByName() {
        for (String key : new TreeSet<>(provider().defaults().keySet())) {
            if (freeFormOptions().contains(key)) {
                continue;
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> provider().create(Map.of(key, "#bogus#")), "option " + key + " accepted #bogus#");
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().contains(key), "message does not name " + key + ": " + e.getMessage());
        }
    }
}
