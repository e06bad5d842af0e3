package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import osbox.api.sched.SchedulerControl;

class SchedCommandsTest {

    /** A scheduler control with two providers (rr and mlfq) that validates like theirs and records choices. */
    static final class FakeControl implements SchedulerControl {
        final Map<String, Map<String, String>> providers = new TreeMap<>();
        final List<Ejection> ejections = new ArrayList<>();
        final List<String> uses = new ArrayList<>();
        String active = BUILTIN;
        String waitingFor;

        FakeControl() {
            providers.put("rr", Map.of("quantum", "1000000"));
            Map<String, String> mlfq = new LinkedHashMap<>();
            mlfq.put("queues", "3");
            mlfq.put("boost", "0");
            providers.put("mlfq", mlfq);
        }

        @Override
        public List<Policy> policies() {
            List<Policy> out = new ArrayList<>();
            out.add(new Policy(BUILTIN, "the kernel's round robin (fallback)", Map.of(), active.equals(BUILTIN)));
            providers.forEach((name, defaults) -> out.add(new Policy(name, name + " policy", defaults,
                    active.equals(name))));
            return out;
        }

        @Override public String active() { return active; }
        @Override public String waitingFor() { return waitingFor; }
        @Override public List<Ejection> ejections() { return ejections; }
        @Override public long swaps() { return uses.size(); }

        @Override
        public boolean use(String name, Map<String, String> options) {
            Map<String, String> defaults = BUILTIN.equals(name) ? Map.of() : providers.get(name);
            if (defaults != null) {
                for (Map.Entry<String, String> e : options.entrySet()) {
                    if (!defaults.containsKey(e.getKey())) {
                        throw new IllegalArgumentException("unknown option '" + e.getKey() + "'");
                    }
                    if (!e.getValue().matches("[0-9]+")) {
                        throw new IllegalArgumentException("option '" + e.getKey() + "' must be a number");
                    }
                }
            }
            uses.add(name + options);
            if (defaults == null) {
                waitingFor = name;
                return false;
            }
            active = name;
            waitingFor = null;
            return true;
        }
    }

    private final FakeControl control = new FakeControl();
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
    void useActivatesAPresentPolicyAndTheListMarksIt() {
        assertEquals("scheduling policy mlfq active", commands.useText("mlfq", "queues=4", "boost=100"));
        assertEquals(List.of("mlfq{queues=4, boost=100}"), control.uses);
        assertEquals(""
                + "NAME     ACTIVE  DESCRIPTION                          OPTIONS\n"
                + "builtin          the kernel's round robin (fallback)\n"
                + "mlfq     *       mlfq policy                          queues=3 boost=0\n"
                + "rr               rr policy                            quantum=1000000\n"
                + "ejections: none\n", commands.listText());
    }

    @Test
    void anAbsentPolicyIsChosenAndShownAsWaitedFor() {
        assertEquals("stride chosen; it runs when its bundle starts", commands.useText("stride"));
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
        assertEquals("sched:use: rr: unknown option 'speed'", commands.useText("rr", "speed=3"));
        assertEquals("sched:use: rr: option 'quantum' must be a number", commands.useText("rr", "quantum=x"));
        assertEquals("sched:use: rr: option must be key=value: 'quantum'", commands.useText("rr", "quantum"));
        assertEquals("sched:use: rr: option must be key=value: '=5'", commands.useText("rr", "=5"));
        assertEquals("sched:use: builtin: the built-in policy takes no options (got quantum)",
                commands.useText("builtin", "quantum=5"));
        assertEquals(List.of(), control.uses, "nothing reached the kernel");
        assertEquals(SchedulerControl.BUILTIN, control.active);
        assertNull(control.waitingFor);
    }

    @Test
    void backToBuiltin() {
        commands.useText("rr");
        assertEquals("scheduling policy builtin active", commands.useText("builtin"));
        assertEquals(SchedulerControl.BUILTIN, control.active);
    }

    @Test
    void ejectionsAreListedWithCyclePolicyAndReason() {
        control.ejections.add(new SchedulerControl.Ejection(123456789L, "cfs", "pick threw IllegalStateException"));
        control.ejections.add(new SchedulerControl.Ejection(42L, "lottery", "task 7 waited too long"));
        List<String> lines = commands.listText().lines().toList();
        assertEquals(List.of(
                "ejections:",
                "      CYCLE  POLICY   REASON",
                "  123456789  cfs      pick threw IllegalStateException",
                "         42  lottery  task 7 waited too long"), lines.subList(4, lines.size()));
    }
}
