package osbox.sched.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.policy.support.testing.Loop;
import osbox.testkit.sched.FakeContext;
import osbox.testkit.sched.FakeTask;

/** The provider: defaults and option validation. */
class PriorityProviderTest {
    private final PriorityProvider provider = new PriorityProvider();

    /** Defaults list quantum and aging. */
    @Test
    void defaults() {
        assertEquals(List.of("quantum", "aging"), List.copyOf(provider.defaults().keySet()));
        assertEquals("1000000", provider.defaults().get("quantum"));
        assertEquals("10000000", provider.defaults().get("aging"));
        assertTrue(provider.describe().startsWith("priority"));
    }

    /** Options apply. */
    @Test
    void optionsApply() {
        PriorityPolicy p = (PriorityPolicy) provider.create(Map.of("quantum", "123", "aging", "456"));
        Loop.attach(p, new FakeContext(1, 0), List.of(new FakeTask(1)));
        assertEquals(123, p.slice(p.pick(0), 0));
        assertEquals(456, p.tickPeriod());
    }

    /** Unknown, malformed and out-of-range options are refused with the option's name. */
    @Test
    void badOptions() {
        assertMessage(Map.of("big", "5"), "big");
        assertMessage(Map.of("quantum", "1.5"), "quantum");
        assertMessage(Map.of("quantum", "0"), "quantum");
        assertMessage(Map.of("aging", "-1"), "aging");
        assertMessage(Map.of("aging", "soon"), "aging");
    }

    /** create throws IllegalArgumentException whose message names the option. */
    private void assertMessage(Map<String, String> options, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider.create(options));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }
}
