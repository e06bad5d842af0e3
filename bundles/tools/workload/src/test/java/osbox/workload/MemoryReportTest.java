package osbox.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import osbox.api.hw.Access;
import osbox.api.kernel.MemoryUsage;
import osbox.api.sched.TaskAttributes;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;

/** The memory figures of a run report: table, JSON, Chrome trace and the memory SVG, on synthetic events. */
class MemoryReportTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 5_000;
    private static final TaskAttributes T = TaskAttributes.DEFAULT;

    static final MemoryUsage A = new MemoryUsage(0, 5, 0, 3, 4, 1, 0, 1, 0, 0, 0, 1000, 10);
    static final MemoryUsage B = new MemoryUsage(0, 2, 0, 2, 1, 1, 1, 0, 0, 1, 1, 500, 50);
    static final MemoryUsage CHILD = new MemoryUsage(0, 5, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0);

    private static TraceEvent ev(double ms, TraceKind kind, int pid, long a, long b) {
        return new TraceEvent(T0 + Math.round(ms * MS), kind, 0, pid, a, b, null);
    }

    /**
     * A (pid 1) from 0 to 10 ms grows to 5 pages and forks pid 4 at 3 ms; B (pid 2) from 2 to 8 ms has a page
     * swapped out at 5 ms and read back at 7 ms; the child copies a page and exits at 6 ms.
     */
    static List<TraceEvent> events() {
        List<TraceEvent> e = new ArrayList<>();
        e.add(ev(0.1, TraceKind.IMAGE_FAULT, 1, 0x10000 | Access.EXECUTE, 1));
        e.add(ev(0.2, TraceKind.ZERO_FILL_FAULT, 1, 0x3fff_f000L | Access.WRITE, 2));
        e.add(ev(0.5, TraceKind.ZERO_FILL_FAULT, 1, 0x20000 | Access.WRITE, 3));
        e.add(ev(0.7, TraceKind.ZERO_FILL_FAULT, 1, 0x21000 | Access.READ, 4));
        e.add(ev(1.0, TraceKind.ZERO_FILL_FAULT, 1, 0x22000 | Access.WRITE, 5));
        e.add(ev(2.1, TraceKind.IMAGE_FAULT, 2, 0x10000 | Access.EXECUTE, 1));
        e.add(ev(2.2, TraceKind.ZERO_FILL_FAULT, 2, 0x21000 | Access.WRITE, 2));
        e.add(ev(3.0, TraceKind.MEMORY, 4, 5, 0));
        e.add(ev(3.5, TraceKind.COW_FAULT, 4, 0x20000 | Access.WRITE | 1, 5));
        e.add(ev(4.0, TraceKind.COW_FAULT, 1, 0x20000 | Access.WRITE, 5));
        e.add(ev(5.0, TraceKind.PAGE_OUT, 2, 0x21000, 1));
        e.add(ev(6.0, TraceKind.MEMORY, 4, 0, 0));
        e.add(ev(7.0, TraceKind.PAGE_IN, 2, 0x21000 | Access.READ, 2));
        e.add(ev(8.0, TraceKind.MEMORY, 2, 0, 0));
        e.add(ev(10.0, TraceKind.MEMORY, 1, 0, 0));
        return e;
    }

    static RunReport report(List<TraceEvent> events, boolean complete, long traceStart) {
        RunReport.ProcessResult a = new RunReport.ProcessResult(1, "A", "memtouch.elf", List.of(), T, 0, 0, 10 * MS,
                6 * MS, 6_000_000, 12, 2, 3, 0, null, null, A);
        RunReport.ProcessResult b = new RunReport.ProcessResult(2, "B", "memtouch.elf", List.of(), T, 2 * MS,
                4 * MS, 8 * MS, 4 * MS, 4_000_000, 5, 1, 0, 0, null, null, B);
        List<RunReport.OtherProcess> others = List.of(new RunReport.OtherProcess(4, 1, "memtouch.elf", 3 * MS,
                6 * MS, CHILD));
        TraceSlices t = TraceSlices.of(events, T0, T0 + 10 * MS, 1, !complete);
        return new RunReport("mem", "", "rr", "rr", 1_000_000_000L, 1, T0, 10 * MS, 10 * MS, List.of(a, b),
                List.of(), List.of(), t.slices(), t.syscalls(), 0, complete, traceStart, others, t.memory());
    }

    static RunReport synthetic() {
        return report(events(), true, 0);
    }

    @Test
    void marksDecodeTheEventContract() {
        RunReport r = synthetic();
        assertEquals(15, r.memory().size());
        RunReport.MemoryMark cow = r.memory().get(8);
        assertEquals(TraceKind.COW_FAULT, cow.kind());
        assertEquals(0x20000, cow.page());
        assertEquals(Access.WRITE, cow.access() & 0xe);
        assertTrue(cow.copied());
        assertFalse(r.memory().get(9).copied(), "taken back");
        assertEquals(3 * MS, r.memory().get(7).at());
        assertEquals(5, r.memory().get(7).resident());
        assertEquals(0, r.memory().get(7).swapped());
        assertEquals(-1, r.memory().get(0).swapped());
        assertEquals(0x3fff_f000L, r.memory().get(1).page());
    }

    @Test
    void usageFigures() {
        assertEquals(990, A.tlbHits());
        assertEquals(99.0, A.tlbHitRate(), 1e-9);
        assertEquals(6, A.faults());
        assertEquals(0.0, MemoryUsage.NONE.tlbHitRate());
        assertTrue(MemoryUsage.NONE.isEmpty());
        MemoryUsage sum = synthetic().memoryTotals();
        assertEquals(5, sum.minorFaults());
        assertEquals(2, sum.cowFaults());
        assertEquals(1, sum.cowCopies());
        assertEquals(12, sum.peakResidentPages());
        assertEquals(1500, sum.tlbAccesses());
    }

    @Test
    void theSeriesFollowTheEvents() {
        MemoryTrace t = MemoryTrace.of(synthetic());
        assertEquals(List.of(1, 2, 4), List.copyOf(t.series.keySet()));
        MemoryTrace.Series a = t.series.get(1);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 0L), a.resident.stream().map(MemoryTrace.Point::value).toList());
        assertEquals(10 * MS, a.resident.get(a.resident.size() - 1).at());
        assertEquals(4, a.faults[MemoryTrace.Fault.ZERO_FILL.ordinal()].get(4).value());
        MemoryTrace.Series b = t.series.get(2);
        assertEquals(List.of(0L, 1L, 0L), b.swapped.stream().map(MemoryTrace.Point::value).toList());
        assertEquals(List.of(0L, 1L, 2L, 1L, 2L, 0L), b.resident.stream().map(MemoryTrace.Point::value).toList());
        assertEquals(1, t.series.get(4).cowCopies);
    }

    @Test
    void theTableHasAMemorySection() {
        String text = synthetic().table();
        List<String> lines = text.lines().toList();
        int m = lines.indexOf("memory");
        assertTrue(m > 0, text);
        String head = lines.get(m + 1);
        assertEquals("pid  name                       zero-fill  image  cow  copied  major  page-ins  page-outs  "
                + "peak rss  tlb hits", head);
        assertEquals("  1  A                                  4      1    1       0      0         0          0"
                + "         5    99.00%", lines.get(m + 2));
        assertEquals("  2  B                                  1      1    0       0      1         1          1"
                + "         2    90.00%", lines.get(m + 3));
        assertTrue(lines.get(m + 4).startsWith("  4  memtouch.elf (child of 1)"), lines.get(m + 4));
        assertTrue(lines.get(m + 4).endsWith("        -"), lines.get(m + 4));
        assertEquals("     total                              5      2    2       1      1         1          1"
                + "        12    96.00%", lines.get(m + 5));
        assertFalse(RunReportTest.synthetic().table().contains("zero-fill"), "no memory figures: no section");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonHasMemoryPerProcessAndTotals() {
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(synthetic().json());
        List<Map<String, Object>> ps = (List<Map<String, Object>>) j.get("processes");
        Map<String, Object> a = (Map<String, Object>) ps.get(0).get("memory");
        assertEquals(5.0, a.get("peakResidentPages"));
        assertEquals(4.0, a.get("minorFaults"));
        assertEquals(1.0, a.get("imageFaults"));
        assertEquals(1.0, a.get("cowFaults"));
        assertEquals(3.0, a.get("tablePages"));
        assertEquals(990.0, a.get("tlbHits"));
        assertEquals(99.0, a.get("tlbHitRate"));
        assertEquals(6.0, a.get("faults"));
        Map<String, Object> b = (Map<String, Object>) ps.get(1).get("memory");
        assertEquals(1.0, b.get("majorFaults"));
        assertEquals(1.0, b.get("pageIns"));
        assertEquals(1.0, b.get("pageOuts"));
        Map<String, Object> other = ((List<Map<String, Object>>) j.get("others")).get(0);
        assertEquals(4.0, other.get("pid"));
        assertEquals(1.0, other.get("ppid"));
        assertEquals(1.0, ((Map<String, Object>) other.get("memory")).get("cowCopies"));
        Map<String, Object> mem = (Map<String, Object>) j.get("memory");
        Map<String, Object> totals = (Map<String, Object>) mem.get("totals");
        assertEquals(5.0, totals.get("minorFaults"));
        assertEquals(12.0, totals.get("peakResidentPages"));
        assertEquals(96.0, totals.get("tlbHitRate"));
        Map<String, Object> events = (Map<String, Object>) mem.get("traceEvents");
        assertEquals(15.0, events.get("total"));
        assertEquals(4.0, events.get("MEMORY"));
        assertEquals(5.0, events.get("ZERO_FILL_FAULT"));
        assertEquals(1.0, events.get("PAGE_OUT"));
        // a report without memory has NONE everywhere
        Map<String, Object> plain = (Map<String, Object>) MiniJson.parse(RunReportTest.synthetic().json());
        assertEquals(0.0, ((Map<String, Object>) ((List<Map<String, Object>>) plain.get("processes")).get(0)
                .get("memory")).get("minorFaults"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChromeTraceHasCountersAndFaultInstants() {
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(synthetic().chromeTrace());
        List<Map<String, Object>> events = (List<Map<String, Object>>) j.get("traceEvents");
        List<Map<String, Object>> counters = new ArrayList<>();
        List<Map<String, Object>> faults = new ArrayList<>();
        boolean childNamed = false;
        for (Map<String, Object> e : events) {
            if ("C".equals(e.get("ph"))) {
                counters.add(e);
            }
            if ("memory".equals(e.get("cat")) && "i".equals(e.get("ph"))) {
                faults.add(e);
            }
            if ("thread_name".equals(e.get("name")) && Double.valueOf(4).equals(e.get("tid"))) {
                childNamed = ((Map<String, Object>) e.get("args")).get("name").toString().contains("child of 1");
            }
        }
        assertEquals(15, counters.size(), "a counter sample per memory event");
        assertEquals(11, faults.size(), "an instant per fault, page-in and page-out");
        assertTrue(childNamed);
        Map<String, Object> pageOut = counters.get(10);
        assertEquals("RSS B (pid 2)", pageOut.get("name"));
        assertEquals(5000.0, pageOut.get("ts"));
        assertEquals(Map.of("resident", 1.0, "swapped", 1.0), pageOut.get("args"));
        Map<String, Object> cow = faults.stream().filter(e -> e.get("name").equals("copy-on-write fault (copied)"))
                .findFirst().orElseThrow();
        assertEquals(4.0, cow.get("tid"));
        assertEquals("0x20000", ((Map<String, Object>) cow.get("args")).get("page"));
        assertEquals("write", ((Map<String, Object>) cow.get("args")).get("access"));
    }

    /** Points of a polyline as {x, y} pairs. */
    private static List<double[]> points(Element line) {
        List<double[]> out = new ArrayList<>();
        for (String p : line.getAttribute("points").trim().split(" ")) {
            String[] xy = p.split(",");
            out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return out;
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSvgHasAResidentSetLinePerProcessWithItsSteps() throws Exception {
        RunReport r = synthetic();
        String svg = r.memorySvg();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "memory-synthetic.svg"), svg);
        Document d = parse(svg);
        NodeList lines = d.getElementsByTagName("polyline");
        TreeMap<Integer, Element> rss = new TreeMap<>();
        int details = 0;
        int faultLines = 0;
        int swapped = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            Element e = (Element) lines.item(i);
            switch (e.getAttribute("class")) {
                case "rss" -> assertNotNull(rss.put(Integer.parseInt(e.getAttribute("data-pid")), e) == null ? e
                        : null, "one overview line per process");
                case "rss-detail" -> details++;
                case "faults" -> faultLines++;
                case "swapped" -> swapped++;
                default -> {
                }
            }
        }
        assertEquals(List.of(1, 2, 4), List.copyOf(rss.keySet()));
        assertEquals(3, details);
        assertEquals(1, swapped, "only B had pages in swap");
        // A: image + zero fill + cow; B: image, zero fill, major; child: cow
        assertEquals(7, faultLines);
        // overview frame: 10 ms across WIDTH - LEFT - RIGHT pixels, values up to niceMax(5) = 6 pages
        MemorySvg.Frame f = new MemorySvg.Frame(MemorySvg.LEFT, MemorySvg.OVERVIEW_TOP,
                MemorySvg.WIDTH - MemorySvg.LEFT - MemorySvg.RIGHT, MemorySvg.OVERVIEW_HEIGHT, 10 * MS, 6);
        List<double[]> a = points(rss.get(1));
        List<Long> values = new ArrayList<>();
        for (double[] p : a) {
            long v = Math.round((f.y() + f.h() - p[1]) * 6 / f.h());
            if (values.isEmpty() || values.get(values.size() - 1) != v) {
                values.add(v);
            }
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 0L), values);
        assertEquals(f.px(0), a.get(0)[0], 0.01);
        assertEquals(f.px(10 * MS), a.get(a.size() - 1)[0], 0.01);
        // steps: the value 5 holds from 1 ms to 10 ms
        assertEquals(f.px(MS), a.get(a.size() - 3)[0], 0.01);
        assertEquals(f.py(5), a.get(a.size() - 3)[1], 0.01);
        assertEquals(f.px(10 * MS), a.get(a.size() - 2)[0], 0.01);
        assertEquals(f.py(5), a.get(a.size() - 2)[1], 0.01);
        List<double[]> child = points(rss.get(4));
        assertEquals(f.px(3 * MS), child.get(0)[0], 0.01, "the child's line starts when it was created");
        assertEquals(f.px(6 * MS), child.get(child.size() - 1)[0], 0.01, "and ends at its exit");
        String text = d.getDocumentElement().getTextContent();
        assertTrue(text.contains("A (pid 1)"), "labels");
        assertTrue(text.contains("memtouch.elf (pid 4, child of 1)"));
        assertTrue(text.contains("faults: 5 zero fill, 2 image, 2 copy-on-write (1 copied), 1 major"), text);
        assertTrue(text.contains("TLB hits 99.00%"));
        assertFalse(svg.contains("overflowed"));
    }

    @Test
    void aTruncatedTraceIsGreyedAndTheCountsEndAtTheCounters() throws Exception {
        List<TraceEvent> all = events();
        List<TraceEvent> kept = all.subList(3, all.size());
        RunReport r = report(kept, false, Math.round(0.7 * MS));
        String svg = r.memorySvg();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "memory-truncated.svg"), svg);
        assertTrue(svg.contains("The trace buffer overflowed: memory events before 0.700 ms are missing"));
        assertTrue(svg.contains("class=\"lost\""));
        MemoryTrace.Series a = MemoryTrace.of(r).series.get(1);
        List<MemoryTrace.Point> zero = a.faults[MemoryTrace.Fault.ZERO_FILL.ordinal()];
        assertEquals(new MemoryTrace.Point(Math.round(0.7 * MS), 2), zero.get(0), "2 zero fills before the trace");
        assertEquals(4, zero.get(zero.size() - 1).value(), "the counter's total at the end");
        assertEquals(4, a.resident.get(0).value(), "the resident set is known from the first event kept");
        assertTrue(r.table().contains("trace buffer overflowed"));
    }

    @Test
    void noMemoryFiguresAreSaidSo() throws Exception {
        String svg = RunReportTest.synthetic().memorySvg();
        parse(svg);
        assertTrue(svg.contains("resident set (pages), every process"));
        assertFalse(svg.contains("class=\"faults\""));
    }
}
