package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import osbox.harness.DeadlockRuns.Run;
import osbox.kernel.core.waits.Deadlock;

/**
 * The dining philosophers (examples/programs/deadlock/philosophers.c,
 * static glibc, forks as PI futexes) under the deadlock policies: the
 * deadlocking version's cycle of five LOCK_PI waits is found, naming the
 * five threads and the five forks; under break the closing philosopher gets
 * EDEADLK, puts its fork down and all eat (what Linux's own rt_mutex check
 * does: qemu-riscv64 prints the same lines); under kill the process dies of
 * SIGKILL; the ordered version never deadlocks and prints what
 * qemu-riscv64 prints.
 */
class PhilosophersTest {
    static final Path ELF = CaseFile.DIR.resolve("deadlock").resolve("philosophers.elf");
    private static DeadlockRuns runs;

    @BeforeAll
    static void boot() throws Exception {
        runs = new DeadlockRuns();
    }

    @AfterAll
    static void off() {
        runs.close();
    }

    private static Run run(String policy, String... args) throws Exception {
        return runs.run("philosophers", ELF, policy, args);
    }

    private static final String ALL_ATE_ONCE = "philosopher 0 ate 1 time\nphilosopher 1 ate 1 time\n"
            + "philosopher 2 ate 1 time\nphilosopher 3 ate 1 time\nphilosopher 4 ate 1 time\n"
            + "all philosophers ate; no deadlock\n";

    @Test
    void reportNamesTheFivePhilosophersAndTheirForks() throws Exception {
        Run r = run("report");
        assertEquals("main: 0 of 5 philosophers finished; the others are deadlocked\n", r.out());
        assertEquals(1, r.status());
        assertEquals(1, r.found().size(), r.found().toString());
        Deadlock d = r.found().get(0);
        assertEquals(5, d.members().size());
        assertEquals(1, d.members().stream().map(Deadlock.Member::pid).distinct().count(), "threads of one process");
        assertEquals(5, d.links().size(), d.cycleText());
        assertEquals(5, d.links().stream().map(Deadlock.Link::resource).distinct().count(), d.cycleText());
        assertTrue(d.links().stream().allMatch(l -> l.resource().startsWith("pi-futex 0x")), d.cycleText());
        assertEquals("reported", d.action());
    }

    @Test
    void breakGivesTheClosingPhilosopherEdeadlkAndAllEat() throws Exception {
        Run r = run("break");
        // which philosopher closes the cycle is the scheduler's order after the barrier (osbox: philosopher
        // 3; qemu-riscv64 on this host: 4); the rest is what qemu-riscv64 prints, Linux's rt_mutex deadlock
        // check refusing the closing wait the same way
        String refused = r.out().substring(0, r.out().indexOf('\n') + 1);
        int i = refused.charAt("philosopher ".length()) - '0';
        assertEquals("philosopher " + i + ": fork " + (i + 1) % 5 + ": Resource deadlock avoided; puts fork " + i
                + " down\n", refused);
        assertEquals(ALL_ATE_ONCE, r.out().substring(refused.length()));
        assertEquals("refused tid " + r.found().get(0).closerTid() + " of pid " + r.found().get(0).closer()
                + "'s wait with EDEADLK", r.found().get(0).action());
        assertEquals(0, r.status());
        assertEquals(1, r.found().size());
    }

    @Test
    void killEndsTheProcess() throws Exception {
        Run r = run("kill");
        assertEquals("", r.out());
        assertEquals(128 + 9, r.status());
        assertTrue(r.found().get(0).action().startsWith("killed pid "), r.found().toString());
    }

    @Test
    void theOrderedVersionNeverDeadlocks() throws Exception {
        Run r = run("report", "ordered");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            expected.append("philosopher ").append(i).append(" ate 3 times\n");
        }
        assertEquals(expected + "all philosophers ate; no deadlock\n", r.out(), "as qemu-riscv64 prints it");
        assertEquals(0, r.status());
        assertEquals(List.of(), r.found());
    }
}
