package osbox.policy.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.policy.support.options.Options;

/** The provider skeleton: description and defaults as given, options checked before the policy is built. */
class AbstractPolicyProviderTest {
    /** A provider whose "policy" is the quantum it was given, as a one-element list. */
    static final class QuantumProvider extends AbstractPolicyProvider<List<Long>> {
        QuantumProvider() {
            super("quantum (test)", "quantum", "5", "alpha", "0.5");
        }

        @Override
        protected List<Long> build(Options options) {
            return List.of(options.longAtLeast("quantum", 1));
        }
    }

    /** describe() and defaults() are what the constructor was given, the defaults in its order and unmodifiable. */
    @Test
    void describesAndListsAsGiven() {
        QuantumProvider p = new QuantumProvider();
        assertEquals("quantum (test)", p.describe());
        assertEquals(List.of("quantum", "alpha"), List.copyOf(p.defaults().keySet()));
        assertEquals(Map.of("quantum", "5", "alpha", "0.5"), p.defaults());
        assertThrows(UnsupportedOperationException.class, () -> p.defaults().put("x", "1"));
    }

    /** create() builds from the given options over the defaults; none (or null) gives the defaults. */
    @Test
    void buildsFromTheOptionsOverTheDefaults() {
        QuantumProvider p = new QuantumProvider();
        assertEquals(List.of(5L), p.create(Map.of()));
        assertEquals(List.of(5L), p.create(null));
        assertEquals(List.of(9L), p.create(Map.of("quantum", "9")));
        assertNotSame(p.create(Map.of("quantum", "1000")), p.create(Map.of("quantum", "1000")));
    }

    /** An unknown option never reaches build(); a malformed one fails there, both in the one error format. */
    @Test
    void rejectsUnknownAndMalformedOptionsByName() {
        QuantumProvider p = new QuantumProvider();
        assertEquals("unknown option 'x' (known: alpha, quantum)",
                assertThrows(IllegalArgumentException.class, () -> p.create(Map.of("x", "1"))).getMessage());
        assertEquals("option 'quantum' must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> p.create(Map.of("quantum", "0"))).getMessage());
    }

    /** A provider without options refuses any option, listing none. */
    @Test
    void noOptionsMeansNoneAccepted() {
        AbstractPolicyProvider<String> none = new AbstractPolicyProvider<>("none (test)") {
            @Override
            protected String build(Options options) {
                return "policy";
            }
        };
        assertEquals(Map.of(), none.defaults());
        assertEquals("policy", none.create(Map.of()));
        assertEquals("unknown option 'k' (known: none)",
                assertThrows(IllegalArgumentException.class, () -> none.create(Map.of("k", "v"))).getMessage());
    }

    /** A blank or multi-line description, or defaults not in pairs, is the provider's programming error. */
    @Test
    void refusesABadDescriptionOrDefaults() {
        for (String bad : new String[] {null, " ", "two\nlines"}) {
            assertThrows(IllegalArgumentException.class, () -> new AbstractPolicyProvider<String>(bad) {
                @Override
                protected String build(Options options) {
                    return "";
                }
            });
        }
        assertThrows(IllegalArgumentException.class, () -> new AbstractPolicyProvider<String>("odd", "quantum") {
            @Override
            protected String build(Options options) {
                return "";
            }
        });
    }
}
