package osbox.sched.cfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.policy.support.testing.Loop;
import osbox.testkit.sched.FakeContext;
import osbox.testkit.sched.FakeTask;

/** The provider: description, defaults and option validation. */
class CfsProviderTest {
    private final CfsProvider provider = new CfsProvider();

    /** Defaults list every option with its value. */
    @Test
    void defaults() {
        assertEquals(List.of("latency", "min-granularity", "wakeup-granularity"), List.copyOf(provider.defaults().keySet()));
        assertEquals("6000000", provider.defaults().get("latency"));
        assertEquals("750000", provider.defaults().get("min-granularity"));
        assertEquals("1000000", provider.defaults().get("wakeup-granularity"));
        assertTrue(provider.describe().startsWith("cfs"));
        assertNotNull(provider.create(provider.defaults()));
        assertNotNull(provider.create(null));
    }

    /** Options change the slices. */
    @Test
    void optionsApply() {
        CfsPolicy p = (CfsPolicy) provider.create(Map.of("latency", "1000", "min-granularity", "10"));
        FakeContext c = new FakeContext(1, 0);
        Loop.attach(p, c, List.of(new FakeTask(1), new FakeTask(2)));
        assertEquals(500, p.slice(p.pick(0), 0));
    }

    /** Unknown, malformed and out-of-range options are refused with the option's name. */
    @Test
    void badOptions() {
        assertMessage(Map.of("quantum", "5"), "quantum");
        assertMessage(Map.of("latency", "fast"), "latency");
        assertMessage(Map.of("latency", "0"), "latency");
        assertMessage(Map.of("min-granularity", "-1"), "min-granularity");
        assertMessage(Map.of("wakeup-granularity", "-1"), "wakeup-granularity");
        assertMessage(Map.of("latency", "99999999999999999999"), "latency");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("latency", null);
        assertMessage(nullValue, "latency");
    }

    /** create throws IllegalArgumentException whose message names the option. */
    private void assertMessage(Map<String, String> options, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider.create(options));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }
}
