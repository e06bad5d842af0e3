package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.policy.PolicyControl;
import osbox.testkit.policy.FakePolicyControl;

class SchedCommandsTest {

    /** The scheduling slot with two providers, rr and mlfq (its defaults in listing order). */
    private static FakePolicyControl schedulingSlot() {
        Map<String, String> mlfq = new LinkedHashMap<>();
        mlfq.put("queues", "3");
        mlfq.put("boost", "0");
        return new FakePolicyControl("sched", "the kernel's round robin (fallback)")
                .provider("rr", Map.of("quantum", "1000000")).provider("mlfq", mlfq);
    }

    private final FakePolicyControl control = schedulingSlot();
    private final SchedCommands commands = new SchedCommands(control);

    @Test
    void listShowsEveryPolicyTheActiveOneAndDefaults() {
        assertEquals(""
                + "NAME     ACTIVE  DESCRIPTION                          OPTIONS\n"
                + "builtin  *       the kernel's round robin (fallback)\n"
                + "mlfq             mlfq policy                          queues=3 boost=0\n"
                + "rr               rr policy                            quantum=1000000\n"
                + "ejections: none\n", commands.listText());
    }

    @Test
    void useActivatesAPresentPolicyAndTheListMarksItWithTheOptionsInEffect() {
        assertEquals("scheduling policy mlfq active", commands.useText("mlfq", "queues=4", "boost=100"));
        assertEquals(List.of("mlfq{queues=4, boost=100}"), control.uses);
        assertEquals(""
                + "NAME     ACTIVE  DESCRIPTION                          OPTIONS\n"
                + "builtin          the kernel's round robin (fallback)\n"
                + "mlfq     *       mlfq policy                          queues=4 boost=100\n"
                + "rr               rr policy                            quantum=1000000\n"
                + "ejections: none\n", commands.listText());
    }

    @Test
    void anUnknownNameIsAnErrorListingTheKnownNamesAndChangesNothing() {
        assertEquals("sched:use: nope: no such scheduling policy (known: builtin, mlfq, rr); to choose one whose "
                + "bundle is not installed yet: sched:use --wait nope", commands.useText("nope"));
        assertEquals(List.of(), control.uses, "nothing reached the kernel");
        assertEquals(PolicyControl.BUILTIN, control.active);
        assertNull(control.waitingFor);
    }

    @Test
    void withWaitAPresentPolicyIsActiveAtOnce() {
        assertEquals("scheduling policy rr active", commands.useText(true, "rr"));
        assertEquals("rr", control.active);
    }

    @Test
    void withWaitAnAbsentPolicyIsChosenAndShownAsWaitedFor() {
        assertEquals("stride chosen; it runs when its bundle starts", commands.useText(true, "stride"));
        assertEquals("stride", control.waitingFor);
        String text = commands.listText();
        assertEquals("waiting for: stride (chosen; it runs when its bundle starts)",
                text.lines().toList().get(4));
    }

    @Test
    void aPresentPolicyThatWasNotMadeIsShownAsWaitedForWithItsProvider() {
        control.waitingFor = "rr";
        assertEquals("waiting for: rr (chosen; its provider is here but did not take the options: choose it again)",
                commands.listText().lines().toList().get(4));
    }

    @Test
    void badOptionsGiveOneErrorLineAndChangeNothing() {
        assertEquals("sched:use: rr: unknown option 'speed' (known: quantum)", commands.useText("rr", "speed=3"));
        assertEquals("sched:use: rr: option 'quantum' must be an integer, got 'x'",
                commands.useText("rr", "quantum=x"));
        assertEquals("sched:use: rr: option must be key=value: 'quantum'", commands.useText("rr", "quantum"));
        assertEquals("sched:use: rr: option must be key=value: '=5'", commands.useText("rr", "=5"));
        assertEquals("sched:use: rr: option must be key=value: 'x'", commands.useText("rr", "quantum=5", " x "));
        assertEquals("sched:use: builtin: the built-in policy takes no options (got quantum)",
                commands.useText("builtin", "quantum=5"));
        assertEquals(List.of(), control.uses, "nothing reached the kernel");
        assertEquals(PolicyControl.BUILTIN, control.active);
        assertNull(control.waitingFor);
    }

    @Test
    void backToBuiltin() {
        commands.useText("rr");
        assertEquals("scheduling policy builtin active", commands.useText("builtin"));
        assertEquals(PolicyControl.BUILTIN, control.active);
    }

    @Test
    void ejectionsAreListedWithCyclePolicyAndReason() {
        control.ejections.add(new PolicyControl.Ejection(123456789L, "cfs", "pick threw IllegalStateException"));
        control.ejections.add(new PolicyControl.Ejection(42L, "lottery", "task 7 waited too long"));
        List<String> lines = commands.listText().lines().toList();
        assertEquals(List.of(
                "ejections:",
                "      CYCLE  POLICY   REASON",
                "  123456789  cfs      pick threw IllegalStateException",
                "         42  lottery  task 7 waited too long"), lines.subList(4, lines.size()));
    }
}
