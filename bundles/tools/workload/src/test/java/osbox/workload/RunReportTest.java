package osbox.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import osbox.api.sched.TaskAttributes;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;

/** Report figures and every rendering, on a synthetic run. */
class RunReportTest {
    private static final long MS = 1_000_000L;
    private static final TaskAttributes T = TaskAttributes.DEFAULT;

    /**
     * A 10 ms run on one hart: A (pid 1) arrives at 0 and needs 6 ms, B (pid 2)
     * arrives at 2 ms and needs 4 ms; A runs 0-4, B 4-8, A 8-10; C cannot start.
     */
    static RunReport synthetic() {
        RunReport.ProcessResult a = new RunReport.ProcessResult(1, "A \"quoted\" <&>", "burst.elf",
                List.of("cpu=1", "x\ty"), new TaskAttributes(-5, 3, 200, 6 * MS, -1), 0, 0, 10 * MS, 6 * MS,
                6_000_000, 12, 2, 3, 0, null, null);
        RunReport.ProcessResult b = new RunReport.ProcessResult(2, "B", "burst.elf", List.of(), T, 2 * MS, 4 * MS,
                8 * MS, 4 * MS, 4_000_000, 5, 1, 0, 0x100, null, null);
        RunReport.ProcessResult c = RunReport.ProcessResult.failed("C", "bad.elf", List.of(), T, 1 * MS,
                "ELF for x86-64 (e_machine 62), not RISC-V");
        List<RunReport.Slice> slices = List.of(new RunReport.Slice(0, 1, 0, 4 * MS),
                new RunReport.Slice(0, 2, 4 * MS, 8 * MS), new RunReport.Slice(0, 1, 8 * MS, 10 * MS));
        return new RunReport("synthetic", "w/synthetic.yaml", "fifo", "builtin", 1_000_000_000L, 1, 12_345,
                10 * MS, 10 * MS, List.of(a, b, c),
                List.of(new RunReport.SwapResult(5 * MS, "rr", Map.of("quantum", "1000000"), "rr", null)),
                List.of(new RunReport.Ejection(9 * MS, "rr", "pick threw java.lang.IllegalStateException: x")),
                slices, List.of(new RunReport.SyscallMark(3 * MS, 0, 1, 64, 13)), 0, true, 0);
    }

    @Test
    void perProcessFigures() {
        RunReport r = synthetic();
        RunReport.ProcessResult a = r.processes().get(0);
        assertEquals(10 * MS, a.turnaround());
        assertEquals(0, a.response());
        assertEquals(4 * MS, a.waitTime());
        assertEquals("exited 0", a.status());
        RunReport.ProcessResult b = r.processes().get(1);
        assertEquals(6 * MS, b.turnaround());
        assertEquals(2 * MS, b.response());
        assertEquals(2 * MS, b.waitTime());
        assertEquals("exited 1", b.status());
        RunReport.ProcessResult c = r.processes().get(2);
        assertFalse(c.completed());
        assertEquals(-1, c.turnaround());
        assertEquals(-1, c.response());
        assertEquals(-1, c.waitTime());
        assertEquals("not started: ELF for x86-64 (e_machine 62), not RISC-V", c.status());
    }

    @Test
    void failuresSayWhyTheRunDidNotGoAsWritten() {
        assertEquals(List.of("C: not started at 1.000 ms: ELF for x86-64 (e_machine 62), not RISC-V"),
                synthetic().failures());
        RunReport r = synthetic();
        RunReport refused = new RunReport(r.workload(), r.file(), r.policy(), r.finalPolicy(), r.frequencyHz(),
                r.harts(), r.startCycle(), r.elapsed(), r.busyCycles(), r.processes().subList(0, 2),
                List.of(new RunReport.SwapResult(5 * MS, "rr", Map.of("speed", "3"), "fifo",
                        "unknown option 'speed' (known: quantum)")),
                r.ejections(), r.slices(), r.syscalls(), 0, true, 0);
        assertEquals(List.of("swap to rr at 5.000 ms refused: unknown option 'speed' (known: quantum) "
                + "(fifo stayed active)"), refused.failures());
    }

    @Test
    void averagesThroughputAndUtilisation() {
        RunReport r = synthetic();
        assertEquals(2, r.completed().size());
        assertEquals(8.0 * MS, r.averageTurnaround(), 1e-6);
        assertEquals(1.0 * MS, r.averageResponse(), 1e-6);
        assertEquals(3.0 * MS, r.averageWait(), 1e-6);
        assertEquals(5.0 * MS, r.averageCpu(), 1e-6);
        assertEquals(0.010, r.seconds(), 1e-12);
        assertEquals(200.0, r.throughput(), 1e-9);
        assertEquals(1.0, r.utilisation(), 1e-12);
        RunReport half = new RunReport("h", "", "rr", "rr", 1_000_000_000L, 2, 0, 10 * MS, 10 * MS,
                r.processes(), List.of(), List.of(), List.of(), List.of(), 0, true, 0);
        assertEquals(0.5, half.utilisation(), 1e-12, "busy / (elapsed x harts)");
        RunReport empty = new RunReport("e", "", "rr", "rr", 1_000_000_000L, 1, 0, 0, 0, List.of(), List.of(),
                List.of(), List.of(), List.of(), 0, true, 0);
        assertEquals(0, empty.throughput());
        assertEquals(0, empty.utilisation());
        assertEquals(0, empty.averageTurnaround());
    }

    @Test
    void theTableIsAlignedWithAveragesAndTotals() {
        String t = synthetic().table();
        List<String> lines = t.lines().toList();
        assertTrue(lines.get(0).startsWith("workload synthetic (w/synthetic.yaml): 3 processes, policy fifo "
                + "(at the end builtin), 1 hart, 1 GHz"), lines.get(0));
        String head = lines.get(1);
        assertTrue(head.startsWith("pid  name"), head);
        int end = head.indexOf("turnaround") + "turnaround".length();
        assertEquals("10.000", lines.get(2).substring(end - 6, end), "right-aligned under the header");
        assertEquals("6.000", lines.get(3).substring(end - 5, end));
        assertEquals("8.000", lines.get(5).substring(end - 5, end), "the average row");
        assertTrue(lines.get(4).contains("not started: ELF for x86-64"), lines.get(4));
        assertTrue(lines.get(4).trim().startsWith("-  C"), lines.get(4));
        assertTrue(t.contains("times in simulated ms; elapsed 10.000 ms; throughput 200.00 processes/s; "
                + "CPU utilisation 100.0% of 1 hart"), t);
        assertTrue(t.contains("swaps:  at 5.000 ms rr {quantum=1000000}"), t);
        assertTrue(t.contains("ejected at 9.000 ms: rr: pick threw"), t);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonReportParsesBackWithEveryFigure() {
        RunReport r = synthetic();
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(r.json());
        assertEquals("synthetic", j.get("workload"));
        assertEquals("fifo", j.get("policy"));
        assertEquals("builtin", j.get("finalPolicy"));
        assertEquals(1e9, j.get("frequencyHz"));
        assertEquals(1e7, j.get("elapsed"));
        assertEquals(10.0, j.get("elapsedMs"));
        assertEquals(200.0, j.get("throughput"));
        assertEquals(1.0, j.get("cpuUtilisation"));
        assertEquals(2.0, j.get("completed"));
        Map<String, Object> avg = (Map<String, Object>) j.get("averages");
        assertEquals(8e6, avg.get("turnaround"));
        assertEquals(1e6, avg.get("response"));
        assertEquals(3e6, avg.get("wait"));
        List<Map<String, Object>> ps = (List<Map<String, Object>>) j.get("processes");
        assertEquals(3, ps.size());
        assertEquals("A \"quoted\" <&>", ps.get(0).get("name"));
        assertEquals(List.of("cpu=1", "x\ty"), ps.get(0).get("args"));
        assertEquals(-5.0, ps.get(0).get("nice"));
        assertEquals(200.0, ps.get(0).get("tickets"));
        assertEquals(1e7, ps.get(0).get("turnaround"));
        assertEquals(4e6, ps.get(0).get("wait"));
        assertEquals(3.0, ps.get(0).get("involuntarySwitches"));
        assertEquals("exited 1", ps.get(1).get("status"));
        assertEquals(-1.0, ps.get(2).get("completion"));
        assertTrue(((String) ps.get(2).get("error")).startsWith("ELF for x86-64"));
        assertNull(ps.get(0).get("error"));
        Map<String, Object> swap = ((List<Map<String, Object>>) j.get("swaps")).get(0);
        assertEquals(5e6, swap.get("at"));
        assertEquals(Map.of("quantum", "1000000"), swap.get("options"));
        assertEquals("rr", ((List<Map<String, Object>>) j.get("ejections")).get(0).get("policy"));
        assertEquals(3, ((List<?>) j.get("slices")).size());
        assertEquals(true, ((Map<String, Object>) j.get("trace")).get("complete"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChromeTraceFollowsTheTraceEventFormat() {
        RunReport r = synthetic();
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(r.chromeTrace());
        List<Map<String, Object>> events = (List<Map<String, Object>>) j.get("traceEvents");
        assertFalse(events.isEmpty());
        int runsOnHart = 0;
        boolean swap = false;
        boolean ejection = false;
        boolean syscall = false;
        for (Map<String, Object> e : events) {
            String ph = (String) e.get("ph");
            assertTrue(Set.of("M", "X", "i").contains(ph), e.toString());
            assertTrue(e.get("name") instanceof String, e.toString());
            assertTrue(e.get("pid") instanceof Double, e.toString());
            if (ph.equals("X")) {
                assertTrue((Double) e.get("ts") >= 0 && (Double) e.get("dur") >= 0, e.toString());
                assertTrue(e.get("tid") instanceof Double);
                if (e.get("pid").equals(1.0) && "run".equals(e.get("cat"))) {
                    runsOnHart++;
                    if (e.get("name").equals("B")) {
                        assertEquals(4000.0, e.get("ts"), "simulated microseconds");
                        assertEquals(4000.0, e.get("dur"));
                    }
                }
            }
            if (ph.equals("i")) {
                assertTrue(Set.of("t", "p", "g").contains(e.get("s")), e.toString());
                assertTrue(e.get("ts") instanceof Double);
                swap |= "policy rr".equals(e.get("name"));
                ejection |= "ejected: rr".equals(e.get("name"));
                if ("write".equals(e.get("name"))) {
                    syscall = true;
                    assertEquals(3000.0, e.get("ts"));
                    assertEquals(13.0, ((Map<String, Object>) e.get("args")).get("result"));
                }
            }
        }
        assertEquals(3, runsOnHart, "one complete event per slice on the hart's track");
        assertTrue(swap && ejection && syscall);
    }

    @Test
    void theTerminalGanttFitsAndShowsWhoRan() {
        String g = synthetic().gantt(100);
        List<String> lines = g.lines().toList();
        for (String l : lines) {
            assertTrue(l.length() <= 100, l.length() + ": " + l);
        }
        String a = lines.stream().filter(l -> l.startsWith("A \"quoted\"")).findFirst().orElseThrow();
        String bar = a.substring(a.indexOf('|') + 1, a.lastIndexOf('|'));
        int w = bar.length();
        assertEquals('#', bar.charAt(0));
        assertEquals('.', bar.charAt(w / 2), "waiting while B runs");
        assertEquals('#', bar.charAt(w - 1));
        String hart = lines.stream().filter(l -> l.startsWith("hart 0")).findFirst().orElseThrow();
        String h = hart.substring(hart.indexOf('|') + 1, hart.lastIndexOf('|'));
        assertEquals('A', h.charAt(0));
        assertEquals('B', h.charAt(w / 2));
        assertEquals('A', h.charAt(w - 1));
        String c = lines.stream().filter(l -> l.startsWith("C ")).findFirst().orElseThrow();
        assertTrue(c.substring(c.indexOf('|') + 1, c.lastIndexOf('|')).isBlank(), "C never ran nor waited");
        String policy = lines.stream().filter(l -> l.startsWith("policy")).findFirst().orElseThrow();
        assertEquals(w / 2, policy.indexOf('S') - policy.indexOf('|') - 1);
        assertTrue(policy.indexOf('X') > policy.indexOf('S'));
        assertTrue(g.contains("10.000 ms"));
        for (String l : synthetic().gantt(10).lines().filter(l -> l.endsWith("|")).toList()) {
            assertTrue(l.length() <= 60, "narrow terminals get a minimum width: " + l);
        }
    }

    @Test
    void theSvgIsWellFormedWithALanePerProcess() throws Exception {
        String svg = synthetic().svg();
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = d.getDocumentElement();
        assertEquals("svg", root.getTagName());
        NodeList rects = d.getElementsByTagName("rect");
        int runs = 0;
        int harts = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            String c = ((Element) rects.item(i)).getAttribute("class");
            runs += c.equals("run") ? 1 : 0;
            harts += c.equals("hart") ? 1 : 0;
        }
        assertEquals(3, runs);
        assertEquals(3, harts);
        assertTrue(root.getTextContent().contains("A \"quoted\" <&> (pid 1)"), "labels escaped and shown");
        assertTrue(root.getTextContent().contains("simulated time (ms)"));
        assertTrue(svg.contains("policy swap") && svg.contains("ejection"), "legend");
    }

    @Test
    void slicesComeFromContextSwitchesAndExits() {
        long t0 = 1_000;
        List<TraceEvent> events = List.of(
                new TraceEvent(t0, TraceKind.CONTEXT_SWITCH, 0, 1, 0, 1, null),
                new TraceEvent(t0 + 3 * MS, TraceKind.SYSCALL, 0, 1, 64, 13, null),
                new TraceEvent(t0 + 4 * MS, TraceKind.CONTEXT_SWITCH, 0, 2, 1, 2, null),
                new TraceEvent(t0 + 8 * MS, TraceKind.PROCESS_EXIT, -1, 2, 0, 0, null),
                new TraceEvent(t0 + 8 * MS + 10, TraceKind.CONTEXT_SWITCH, 0, 1, 2, 1, null),
                new TraceEvent(t0 + 10 * MS, TraceKind.PROCESS_EXIT, -1, 1, 0, 0, null),
                new TraceEvent(t0 + 10 * MS + 5, TraceKind.CONTEXT_SWITCH, 0, 0, 1, 0, null));
        TraceSlices s = TraceSlices.of(events, t0, t0 + 10 * MS, 1, false);
        assertEquals(List.of(new RunReport.Slice(0, 1, 0, 4 * MS), new RunReport.Slice(0, 2, 4 * MS, 8 * MS),
                new RunReport.Slice(0, 1, 8 * MS + 10, 10 * MS)), s.slices());
        assertEquals(List.of(new RunReport.SyscallMark(3 * MS, 0, 1, 64, 13)), s.syscalls());
        assertEquals("write", s.syscalls().get(0).name());
        assertEquals(0, s.firstCycle());
        assertEquals(Map.of(1, t0 + 10 * MS, 2, t0 + 8 * MS), TraceSlices.exits(events));
        // the buffer lost the beginning: process 1 ran from the first event kept
        TraceSlices late = TraceSlices.of(events.subList(1, events.size()), t0, t0 + 10 * MS, 1, true);
        assertEquals(new RunReport.Slice(0, 1, 3 * MS, 4 * MS), late.slices().get(0));
        assertEquals(3 * MS, late.firstCycle());
        // a process still running at the end is cut there
        TraceSlices open = TraceSlices.of(events.subList(0, 3), t0, t0 + 6 * MS, 1, false);
        assertEquals(new RunReport.Slice(0, 2, 4 * MS, 6 * MS), open.slices().get(1));
    }

    @Test
    void aTruncatedTraceIsSaidSo() {
        RunReport r = synthetic();
        RunReport t = new RunReport(r.workload(), r.file(), r.policy(), r.finalPolicy(), r.frequencyHz(), r.harts(),
                r.startCycle(), r.elapsed(), r.busyCycles(), r.processes(), r.swaps(), r.ejections(), r.slices(),
                r.syscalls(), 7, false, 3 * MS);
        assertTrue(t.gantt(100).contains("slices before 3.000 ms are missing"));
        assertTrue(t.svg().contains("trace buffer overflowed"));
        assertTrue(t.json().contains("\"syscallsDropped\": 7"));
    }

    @Test
    void jsonStringsAreEscaped() {
        java.io.StringWriter out = new java.io.StringWriter();
        Json j = new Json(out, false);
        j.begin().field("s", "a\"b\\c\n\u0001\u2028").field("n", 1.25).field("z", Double.NaN).end();
        j.flush();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) MiniJson.parse(out.toString());
        assertEquals("a\"b\\c\n\u0001\u2028", m.get("s"));
        assertEquals(1.25, m.get("n"));
        assertEquals(0.0, m.get("z"));
    }
}
