package osbox.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import osbox.api.sched.TaskAttributes;

/** The renderings written as they are made, the colours of many processes, and a chart of thousands of them. */
class ReportStreamingTest {
    private static final long MS = 1_000_000L;

    /** A writer that takes {@code limit} characters, then fails as a full disk does. */
    private static final class FullDisk extends Writer {
        private final int limit;
        private int written;

        FullDisk(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            written += len;
            if (written > limit) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void eachRenderingWritesTheSameTextAsItsString() throws Exception {
        RunReport r = RunReportTest.synthetic();
        List<RunReport.Rendering> writes = List.of(r::writeJson, r::writeChromeTrace, r::writeSvg, r::writeMemorySvg);
        List<String> texts = List.of(r.json(), r.chromeTrace(), r.svg(), r.memorySvg());
        for (int i = 0; i < writes.size(); i++) {
            StringWriter out = new StringWriter();
            writes.get(i).writeTo(out);
            assertEquals(texts.get(i), out.toString());
        }
    }

    @Test
    void theReportKeepsItsLayout() {
        String json = RunReportTest.synthetic().json();
        assertTrue(json.startsWith("{\n  \"workload\": \"synthetic\",\n  \"file\": \"w/synthetic.yaml\",\n"), json);
        assertTrue(json.contains("\"args\": [\n        \"cpu=1\",\n        \"x\\ty\"\n      ],\n"), json);
        assertTrue(json.contains("\"others\": [],\n"), json);
        assertTrue(json.endsWith("\n  ]\n}\n"), json);
        String trace = RunReportTest.synthetic().chromeTrace();
        assertTrue(trace.startsWith("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"workload\":\"synthetic\""), trace);
    }

    @Test
    void aFailedWriteIsTheWritersIoException() {
        RunReport r = RunReportTest.synthetic();
        for (RunReport.Rendering write : List.<RunReport.Rendering>of(r::writeJson, r::writeChromeTrace, r::writeSvg,
                r::writeMemorySvg)) {
            IOException e = assertThrows(IOException.class, () -> write.writeTo(new FullDisk(100)));
            assertEquals("No space left on device", e.getMessage());
        }
    }

    @Test
    void coloursDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 256; i++) {
            String c = ReportSvg.colour(i);
            assertTrue(c.matches("#[0-9a-f]{6}"), c);
            assertTrue(seen.add(c), "colour " + i + " repeats: " + c);
        }
        for (int i = 0; i < 1000; i++) {
            // the old palette came back after 12; no colour looks like the one 12 before it
            assertTrue(distance(ReportSvg.colour(i), ReportSvg.colour(i + 12)) > 100, "colours " + i + ", " + (i + 12));
            assertTrue(distance(ReportSvg.colour(i), ReportSvg.colour(i + 1)) > 60, "colours " + i + ", " + (i + 1));
        }
        assertEquals(ReportSvg.colour(7), ReportSvg.colour(7), "deterministic");
        assertEquals("#999999", ReportSvg.colour(-1));
    }

    // How many times text occurs in s.
    private static int count(String s, String text) {
        int n = 0;
        for (int at = s.indexOf(text); at >= 0; at = s.indexOf(text, at + 1)) {
            n++;
        }
        return n;
    }

    // Euclidean distance between two #rrggbb colours.
    private static double distance(String a, String b) {
        double d = 0;
        for (int k = 1; k < 7; k += 2) {
            int x = Integer.parseInt(a.substring(k, k + 2), 16);
            int y = Integer.parseInt(b.substring(k, k + 2), 16);
            d += (x - y) * (x - y);
        }
        return Math.sqrt(d);
    }

    @Test
    void aChartOfThousandsOfProcessesStaysUnderTheHeightRenderersAccept() throws Exception {
        List<RunReport.ProcessResult> processes = new ArrayList<>();
        List<RunReport.Slice> slices = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            processes.add(new RunReport.ProcessResult(i + 1, "p" + i, "burst.elf", List.of(), TaskAttributes.DEFAULT,
                    0, i * MS / 100, (i + 1) * MS / 100, MS / 100, 1000, 1, 0, 0, 0, null, null));
            slices.add(new RunReport.Slice(0, i + 1, i * MS / 100, (i + 1) * MS / 100));
        }
        RunReport r = new RunReport("many", "many.yaml", "fifo", "fifo", 1_000_000_000L, 1, 0, 4096 * MS / 100,
                4096 * MS / 100, processes, List.of(), List.of(), slices, List.of(), 0, true, 0);
        String svg = r.svg();
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        int height = Integer.parseInt(d.getDocumentElement().getAttribute("height"));
        assertTrue(height <= ReportSvg.MAX_HEIGHT, "height " + height);
        assertTrue(svg.contains(">" + (4096 - ReportSvg.MAX_PROCESS_LANES + 1) + " more processes<"), "the shared lane");
        assertTrue(svg.contains(">p298 (pid 299)<") && !svg.contains(">p299 (pid 300)<"), "a lane each before it");
        assertEquals(4096, count(svg, "<rect class=\"run\""), "every slice drawn on its process's lane");
        assertEquals(4096, count(svg, "<rect class=\"hart\""), "and on its hart's");
    }
}
