package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.TlbStatistics;
import osbox.api.kernel.WaitStatus;

class ReportsTest {

    @Test
    void tableAlignsTextLeftAndNumbersRight() {
        String text = new Table("NAME", ">N").row("a", 1).row("longer", 12345).render();
        assertEquals(""
                + "NAME        N\n"
                + "a           1\n"
                + "longer  12345\n", text);
    }

    @Test
    void tableRefusesRaggedRows() {
        assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").row("x"));
    }

    @Test
    void processTable() {
        String text = Reports.processes(List.of(
                new Reports.ProcessRow(1, 0, 1, "RUNNING", "init", 1200, 1100, 3),
                new Reports.ProcessRow(12, 1, 12, "ZOMBIE", "hello", 5, 5, 1),
                new Reports.ProcessRow(12, 1, 13, "BLOCKED", "hello", 7, 6, 2)));
        assertEquals(""
                + "PID  PPID  TID  STATE    NAME   CPU-CYCLES  INSTRUCTIONS  SYSCALLS\n"
                + "  1     0    1  RUNNING  init         1200          1100         3\n"
                + " 12     1   12  ZOMBIE   hello           5             5         1\n"
                + " 12     1   13  BLOCKED  hello           7             6         2\n", text);
    }

    @Test
    void emptyProcessTableHasHeadersOnly() {
        assertEquals("PID  PPID  TID  STATE  NAME  CPU-CYCLES  INSTRUCTIONS  SYSCALLS\n", Reports.processes(List.of()));
    }

    @Test
    void statistics() {
        Map<String, Long> traps = new LinkedHashMap<>();
        traps.put("ecall", 40L);
        traps.put("load-page-fault", 2L);
        String text = Reports.statistics(new MachineStatistics(2_000_000, 1_000_000, 1_500_000, 1_600_000,
                400_000, traps, new TlbStatistics(1000, 5, 7, 2, 1), 9));
        assertEquals(""
                + "simulated time     2.000000 s\n"
                + "cycles                2000000\n"
                + "frequency          1000000 Hz\n"
                + "instructions          1500000\n"
                + "cycles busy           1600000\n"
                + "cycles idle            400000\n"
                + "events fired                9\n"
                + "traps                      42\n"
                + "  ecall                    40\n"
                + "  load-page-fault           2\n"
                + "TLB accesses             1000\n"
                + "TLB hits                  995\n"
                + "TLB misses                  5\n"
                + "TLB hit rate          99.50 %\n"
                + "page walks                  7\n"
                + "page faults                 2\n"
                + "TLB flushes                 1\n", text);
    }

    @Test
    void exitLines() {
        assertEquals("[pid 3 exited with status 0]", Reports.exit(3, WaitStatus.exited(0)));
        assertEquals("[pid 4 exited with status 42]", Reports.exit(4, WaitStatus.exited(42)));
        assertEquals("[pid 5 killed by SIGSEGV]", Reports.exit(5, WaitStatus.signaled(11, false)));
    }
}
