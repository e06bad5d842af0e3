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
        Map<String, String> activeOptions = Map.of();
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
        @Override public Map<String, String> activeOptions() { return activeOptions; }
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
            activeOptions = new TreeMap<>(options);
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
    void listShowsTheOptionsInEffectForTheActivePolicy() {
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        defaults.put("bits", "8");
        defaults.put("period", "1000");
        control.providers.put("aging", defaults);
        control.use("aging", Map.of("period", "50"));
        assertEquals(""
                + "NAME     ACTIVE  DESCRIPTION                   OPTIONS\n"
                + "builtin          the kernel's FIFO (fallback)\n"
                + "aging    *       aging policy                  bits=8 period=50\n"
                + "lru              lru policy\n"
                + "ejections: none\n", commands.listText());
    }

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
    void statIsATableOfTheCounters() throws Exception {
        control.use("lru", Map.of());
        assertEquals(""
                + "page replacement policy: lru\n"
                + "COUNTER       VALUE\n"
                + "frames.total    256\n"
                + "page.outs        12\n", commands.statText());
    }

    static final List<Reports.MemoryRow> ROWS = List.of(
            new Reports.MemoryRow(1, "memtouch.elf", "RUNNING",
                    new osbox.api.kernel.MemoryUsage(40, 52, 12, 4, 30, 6, 12, 3, 2, 12, 24, 10_000, 25)),
            new Reports.MemoryRow(12, "sh \"x\"", "ZOMBIE", osbox.api.kernel.MemoryUsage.NONE));

    @Test
    void statHasARowPerProcess() {
        assertEquals(""
                + "PID  NAME          RSS  PEAK  SWAPPED  MINOR  IMAGE  MAJOR  COW  PAGE-INS  PAGE-OUTS  TLB-HIT\n"
                + "  1  memtouch.elf   40    52       12     30      6     12    3        12         24  99.75 %\n"
                + " 12  sh \"x\"          0     0        0      0      0      0    0         0          0        -\n",
                Reports.vmProcesses(ROWS));
    }

    @Test
    void statJson() {
        Map<String, Long> counters = new TreeMap<>();
        counters.put("frames.total", 256L);
        counters.put("page.outs", 24L);
        String json = Reports.vmStatisticsJson("lru", counters, ROWS);
        org.junit.jupiter.api.Assertions.assertTrue(json.startsWith("{\n  \"policy\": \"lru\",\n  \"counters\": {\n"
                + "    \"frames.total\": 256,\n    \"page.outs\": 24\n  },\n  \"processes\": [\n"
                + "    {\"pid\": 1, \"name\": \"memtouch.elf\", \"state\": \"RUNNING\", \"residentPages\": 40, "
                + "\"peakResidentPages\": 52, \"swappedPages\": 12, \"tablePages\": 4, \"minorFaults\": 30, "
                + "\"imageFaults\": 6, \"majorFaults\": 12, \"cowFaults\": 3, \"cowCopies\": 2, \"pageIns\": 12, "
                + "\"pageOuts\": 24, \"tlbAccesses\": 10000, \"tlbMisses\": 25, \"tlbHits\": 9975, "
                + "\"tlbHitRate\": 99.7500},\n    {\"pid\": 12, \"name\": \"sh \\\"x\\\"\""), json);
        org.junit.jupiter.api.Assertions.assertTrue(json.endsWith("\"tlbHitRate\": 0.0000}\n  ]\n}\n"), json);
        assertEquals("{\n  \"policy\": \"builtin\",\n  \"counters\": {},\n  \"processes\": []\n}\n",
                Reports.vmStatisticsJson("builtin", Map.of(), List.of()));
    }
}
