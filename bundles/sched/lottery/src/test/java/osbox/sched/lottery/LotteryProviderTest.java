package osbox.sched.lottery;

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
class LotteryProviderTest {
    private final LotteryProvider provider = new LotteryProvider();

    /** Defaults list the quantum. */
    @Test
    void defaults() {
        assertEquals(List.of("quantum"), List.copyOf(provider.defaults().keySet()));
        assertEquals("1000000", provider.defaults().get("quantum"));
        assertTrue(provider.describe().startsWith("lottery"));
    }

    /** The quantum is the slice. */
    @Test
    void optionsApply() {
        LotteryPolicy p = (LotteryPolicy) provider.create(Map.of("quantum", "777"));
        Loop.attach(p, new FakeContext(1, 0), List.of(new FakeTask(1).tickets(1)));
        assertEquals(777, p.slice(p.pick(0), 0));
    }

    /** Unknown, malformed and out-of-range options are refused with the option's name. */
    @Test
    void badOptions() {
        assertMessage(Map.of("tickets", "5"), "tickets");
        assertMessage(Map.of("quantum", "lots"), "quantum");
        assertMessage(Map.of("quantum", "0"), "quantum");
        assertMessage(Map.of("quantum", "-3"), "quantum");
    }

    /** create throws IllegalArgumentException whose message names the option. */
    private void assertMessage(Map<String, String> options, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider.create(options));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }
}
