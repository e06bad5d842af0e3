package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import osbox.api.vm.VmControl;

class VmCommandsTest {

    /** A VM control with two providers (lru and aging) that records choices. */
    static final class FakeControl implements VmControl {
        final Map<String, Map<String, String>> providers = new TreeMap<>();
        final List<Ejection> ejections = new ArrayList<>();
        String active = BUILTIN;
        String waitingFor;

        FakeControl() {
            providers.put("lru", Map.of());
            providers.put("aging", Map.of("bits", "8"));
        }

        @Override
        public List<Policy> policies() {
            List<Policy> out = new ArrayList<>();
            out.add(new Policy(BUILTIN, "the kernel's FIFO (fallback)", Map.of(), active.equals(BUILTIN)));
            providers.forEach((name, defaults) -> out.add(new Policy(name, name + " policy", defaults,
                    active.equals(name))));
            return out;
        }

        @Override public String active() { return active; }
        @Override public String waitingFor() { return waitingFor; }
        @Override public List<Ejection> ejections() { return ejections; }

        @Override
        public boolean use(String name, Map<String, String> options) {
            Map<String, String> defaults = BUILTIN.equals(name) ? Map.of() : providers.get(name);
            if (defaults != null) {
                for (String k : options.keySet()) {
                    if (!defaults.containsKey(k)) {
                        throw new IllegalArgumentException("unknown option '" + k + "'");
                    }
                }
            }
            if (defaults == null) {
                waitingFor = name;
                return false;
            }
            active = name;
            waitingFor = null;
            return true;
        }

        @Override
        public Map<String, Long> statistics() {
            Map<String, Long> s = new TreeMap<>();
            s.put("frames.total", 256L);
            s.put("page.outs", 12L);
            return s;
        }
    }

    private final FakeControl control = new FakeControl();
    private final VmCommands commands = new VmCommands(control);

    @Test
    void listShowsEveryPolicyAndTheActiveOne() {
        control.use("lru", Map.of());
        assertEquals(""
                + "NAME     ACTIVE  DESCRIPTION                   OPTIONS\n"
                + "builtin          the kernel's FIFO (fallback)\n"
                + "aging            aging policy                  bits=8\n"
                + "lru      *       lru policy\n"
                + "ejections: none\n", commands.listText());
    }

    @Test
    void useSaysWhatHappened() {
        assertEquals("page replacement policy aging active", commands.useText("aging", "bits=4"));
        assertEquals("vm:use: aging: unknown option 'x'", commands.useText("aging", "x=1"));
        assertEquals("vm:use: aging: option must be key=value: 'bits'", commands.useText("aging", "bits"));
        assertEquals("vm:use: builtin: the built-in policy takes no options (got a)",
                commands.useText("builtin", "a=1"));
        assertEquals("nope chosen; it runs when its bundle starts", commands.useText("nope"));
        assertEquals("aging", control.active());
    }

    @Test
    void statIsATableOfTheCounters() {
        control.use("lru", Map.of());
        assertEquals(""
                + "page replacement policy: lru\n"
                + "COUNTER       VALUE\n"
                + "frames.total    256\n"
                + "page.outs        12\n", commands.statText());
    }
}
