package osbox.sched.stride;

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
class StrideProviderTest {
    private final StrideProvider provider = new StrideProvider();

    /** Defaults list big and quantum. */
    @Test
    void defaults() {
        assertEquals(List.of("big", "quantum"), List.copyOf(provider.defaults().keySet()));
        assertEquals("1048576", provider.defaults().get("big"));
        assertEquals("1000000", provider.defaults().get("quantum"));
        assertTrue(provider.describe().startsWith("stride"));
    }

    /** Options apply: quantum is the slice, big divides by tickets. */
    @Test
    void optionsApply() {
        StridePolicy p = (StridePolicy) provider.create(Map.of("big", "1000", "quantum", "500"));
        FakeTask t = new FakeTask(1).tickets(4);
        Loop.attach(p, new FakeContext(1, 0), List.of(t));
        assertEquals(500, p.slice(p.pick(0), 0));
        assertEquals(250, p.strideOf(t));
    }

    /** Unknown, malformed and out-of-range options are refused with the option's name. */
    @Test
    void badOptions() {
        assertMessage(Map.of("latency", "5"), "latency");
        assertMessage(Map.of("big", "x"), "big");
        assertMessage(Map.of("big", "0"), "big");
        assertMessage(Map.of("quantum", "0"), "quantum");
        assertMessage(Map.of("quantum", "4294967296"), "quantum");
    }

    /** create throws IllegalArgumentException whose message names the option. */
    private void assertMessage(Map<String, String> options, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider.create(options));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }
}
