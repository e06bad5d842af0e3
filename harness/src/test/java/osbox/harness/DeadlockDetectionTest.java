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
 * The kernel's wait-for graph and detection policy on a real program
 * (examples/programs/deadlock/pipes.c, static glibc): A reads the pipe B
 * should write and B the pipe A should write. Under each mode the program's
 * output is what it must be (under report, A's alarm ends the wait as on
 * Linux: qemu-riscv64 prints the same lines), and the deadlock is recorded with
 * both processes and both pipes, once. The policies are the bundles of
 * bundles/deadlock, bound through the kernel's whiteboard as the framework would.
 */
class DeadlockDetectionTest {
    static final Path ELF = CaseFile.DIR.resolve("deadlock").resolve("pipes.elf");
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
        return runs.run("pipes", ELF, policy, args);
    }

    @Test
    void theFourPolicyBundlesAreBound() throws Exception {
        assertEquals(List.of("break", "kill", "none", "report"),
                runs.computer().machine().call(() -> runs.computer().kernel().deadlocks().slot().available()));
    }

    @Test
    void reportNamesBothProcessesAndBothPipesOnce() throws Exception {
        Run r = run("report");
        // the lines qemu-riscv64 prints, in the order osbox's scheduler runs A and B after the alarm
        assertEquals("A: read from B: Interrupted system call\nA: write to B: 1 byte\nB: read from A: 1 byte\n"
                + "B: write to A: 1 byte\nA: B exited with status 0\n", r.out());
        assertEquals(0, r.status());
        assertEquals(1, r.found().size(), r.found().toString());
        assertEquals(1, r.traced());
        Deadlock d = r.found().get(0);
        assertEquals(2, d.members().size());
        assertEquals("reported", d.action());
        String text = d.cycleText();
        assertTrue(text.matches("pid \\d+ \\(pipes\\) waits for pipe:\\[\\d+\\] \\(data, from its writers\\), held by"
                + " pid \\d+ \\(pipes\\); pid \\d+ \\(pipes\\) waits for pipe:\\[\\d+\\] \\(data, from its writers\\),"
                + " held by pid \\d+ \\(pipes\\)"), text);
    }

    @Test
    void noneFindsNothing() throws Exception {
        Run r = run("none");
        assertTrue(r.out().startsWith("A: read from B: Interrupted system call\n"), r.out());
        assertEquals(0, r.found().size());
        assertEquals(0, r.traced());
    }

    @Test
    void breakRefusesTheClosingWaitWithEdeadlk() throws Exception {
        Run r = run("break");
        assertTrue(r.out().startsWith("B: read from A: Resource deadlock avoided\nB: write to A: 1 byte\n"), r.out());
        assertTrue(r.out().contains("A: read from B: 1 byte\n"), r.out());
        assertTrue(r.out().endsWith("A: B exited with status 0\n"), r.out());
        assertEquals(1, r.found().size());
        assertTrue(r.found().get(0).action().matches("refused pid \\d+'s wait with EDEADLK"), r.found().toString());
    }

    @Test
    void killEndsTheYoungest() throws Exception {
        Run r = run("kill");
        assertTrue(r.out().startsWith("A: read from B: end of file\n"), r.out());
        assertTrue(r.out().endsWith("A: B was killed by signal 9\n"), r.out());
        assertEquals(1, r.found().size());
    }

    /** wait4 is an edge too: A waits for B's exit, B for A's byte. */
    @Test
    void aParentWaitingForItsChildIsPartOfTheCycle() throws Exception {
        Run r = run("report", "wait");
        assertEquals("A: waitpid for B: Interrupted system call\nA: write to B: 1 byte\nB: read from A: 1 byte\n"
                + "A: B exited with status 0\n", r.out(), "as qemu-riscv64 prints it");
        assertEquals(1, r.found().size());
        assertTrue(r.found().get(0).cycleText().contains("waits for the exit of child "), r.found().toString());
    }
}
