package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.policy.FakePolicyControl;

/** {@code ssd:gc}: the SSD garbage collector's slot listed and chosen, as sched:use does for the CPU. */
class SsdGcCommandsTest {
    private final FakePolicyControl control = new FakePolicyControl("ssd.gc", "greedy: the block with the fewest"
            + " valid pages").provider("greedy", Map.of()).provider("cost-benefit", Map.of());
    private final SsdGcCommands commands = new SsdGcCommands(control);

    @Test
    void listsThePoliciesWithTheActiveOneMarked() {
        assertEquals(""
                + "NAME          ACTIVE  DESCRIPTION                                    OPTIONS\n"
                + "builtin       *       greedy: the block with the fewest valid pages\n"
                + "cost-benefit          cost-benefit policy\n"
                + "greedy                greedy policy\n"
                + "ejections: none\n", commands.listText());
    }

    @Test
    void choosesOneAndRefusesAnUnknownName() {
        assertEquals("SSD GC policy cost-benefit active", commands.useText("cost-benefit"));
        assertEquals(List.of("cost-benefit{}"), control.uses);
        assertEquals("cost-benefit", control.active);
        assertEquals("ssd:gc: lru: no such SSD GC policy (known: builtin, cost-benefit, greedy)",
                commands.useText("lru"));
        assertEquals(List.of("cost-benefit{}"), control.uses, "nothing more reached the slot");
    }
}
