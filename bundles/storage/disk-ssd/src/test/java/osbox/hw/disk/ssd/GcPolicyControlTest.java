package osbox.hw.disk.ssd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.policy.PolicyControl;

/** The ssd.gc slot: its policies, a choice applied at the next safe point, refusals that change nothing. */
class GcPolicyControlTest {
    private final List<Runnable> safePoint = new ArrayList<>();
    private final GcPolicyControl slot = new GcPolicyControl(safePoint::add);
    private final FlashTranslation ftl = new FlashTranslation(64, SsdParameters.DEFAULT);

    @Test
    void aChoiceReachesEveryFtlAtTheNextSafePoint() {
        slot.add(ftl);
        assertSame(VictimPolicy.GREEDY, ftl.policy());
        assertEquals(true, slot.use("cost-benefit", Map.of()));
        assertEquals("cost-benefit", slot.active());
        assertSame(VictimPolicy.GREEDY, ftl.policy(), "not before the safe point");
        safePoint.forEach(Runnable::run);
        assertSame(VictimPolicy.COST_BENEFIT, ftl.policy());
        assertEquals(1, slot.swaps());
        assertEquals(List.of("builtin", "cost-benefit", "greedy"),
                slot.policies().stream().map(PolicyControl.Policy::name).toList());
    }

    @Test
    void unknownNamesAndOptionsAreRefused() {
        assertEquals("no such GC policy (known: builtin, cost-benefit, greedy)",
                assertThrows(IllegalArgumentException.class, () -> slot.use("fifo", Map.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> slot.use("greedy", Map.of("x", "1")));
        assertEquals(PolicyControl.BUILTIN, slot.active());
        assertEquals(List.of(), safePoint);
    }
}
