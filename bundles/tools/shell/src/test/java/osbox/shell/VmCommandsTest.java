package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import osbox.api.memory.MemoryManager;
import osbox.testkit.policy.FakePolicyControl;

class VmCommandsTest {

    /** The page-replacement slot with two providers, lru and aging. */
    static FakePolicyControl replacementSlot() {
        return new FakePolicyControl("vm.replace", "the kernel's FIFO (fallback)").provider("lru", Map.of())
                .provider("aging", Map.of("bits", "8"));
    }

    /** A VM manager whose only answer is its paging counters. */
    static final MemoryManager MEMORY = VmMapsPageTest.proxy(MemoryManager.class, (name, args) -> {
        if (name.equals("statistics")) {
            Map<String, Long> s = new TreeMap<>();
            s.put("frames.total", 256L);
            s.put("page.outs", 12L);
            return s;
        }
        return null;
    });

    private final FakePolicyControl control = replacementSlot();
    private final VmCommands commands = new VmCommands(control, MEMORY);

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
        assertEquals("vm:use: aging: unknown option 'x' (known: bits)", commands.useText("aging", "x=1"));
        assertEquals("vm:use: aging: option must be key=value: 'bits'", commands.useText("aging", "bits"));
        assertEquals("vm:use: builtin: the built-in policy takes no options (got a)",
                commands.useText("builtin", "a=1"));
        assertEquals("vm:use: nope: no such page replacement policy (known: builtin, aging, lru); to choose one "
                + "whose bundle is not installed yet: vm:use --wait nope", commands.useText("nope"));
        assertEquals("aging", control.active(), "an unknown name changes nothing");
        assertEquals("nope chosen; it runs when its bundle starts", commands.useText(true, "nope"));
        assertEquals("nope", control.waitingFor());
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
