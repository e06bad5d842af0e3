package osbox.kernel.core.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.WaitStatus;

class ProcessTableTest {
    private final ProcessTable t = new ProcessTable();

    private Process create(String name) {
        return t.create(0, name, List.of(name), 0);
    }

    @Test
    void pidsAscendFromOne() {
        assertEquals(1, create("a").pid());
        assertEquals(2, create("b").pid());
        assertEquals(3, create("c").pid());
        assertEquals(3, t.size());
    }

    @Test
    void newProcessIsNewWithItsIdentity() {
        Process p = t.create(7, "sh", List.of("sh", "-c", "x"), 1234);
        assertEquals(ProcessState.NEW, p.state());
        assertEquals(7, p.ppid());
        assertEquals("sh", p.name());
        assertEquals(List.of("sh", "-c", "x"), p.argv());
        assertEquals(1234, p.createdAt());
        assertEquals(-1, p.firstRunAt());
        assertEquals(-1, p.exitedAt());
        assertEquals(-1, p.sched().hart());
        assertSame(p, t.get(p.pid()));
    }

    @Test
    void allListsByPid() {
        Process a = create("a");
        Process b = create("b");
        Process c = create("c");
        assertEquals(List.of(a, b, c), t.all());
    }

    @Test
    void zombifyRecordsStatusReportAndTime() {
        Process p = create("a");
        t.zombify(p, WaitStatus.signaled(11, false), "killed: SIGSEGV", 999);
        assertEquals(ProcessState.ZOMBIE, p.state());
        assertEquals(11, p.waitStatus());
        assertEquals("killed: SIGSEGV", p.killReport());
        assertEquals(999, p.exitedAt());
        assertSame(p, t.get(p.pid()), "a zombie stays in the table until reaped");
    }

    @Test
    void removingANonZombieThrows() {
        Process p = create("a");
        assertThrows(IllegalStateException.class, () -> t.remove(p));
        p.setState(ProcessState.RUNNING);
        assertThrows(IllegalStateException.class, () -> t.remove(p));
        assertSame(p, t.get(p.pid()));
    }

    @Test
    void removingAZombieForgetsIt() {
        Process p = create("a");
        t.zombify(p, 0, null, 1);
        t.remove(p);
        assertNull(t.get(p.pid()));
        assertEquals(0, t.size());
    }

    @Test
    void zombieIsFinal() {
        Process p = create("a");
        t.zombify(p, 0, null, 1);
        assertThrows(IllegalStateException.class, () -> p.setState(ProcessState.READY));
        t.zombify(p, 9, null, 2);   // a leader that ended before its threads gets the process's status later
        assertEquals(ProcessState.ZOMBIE, p.state());
        assertEquals(9, p.waitStatus());
    }

    @Test
    void pidsAreNotReusedUntilWrapAround() {
        create("a");
        Process b = create("b");
        create("c");
        t.zombify(b, 0, null, 0);
        t.remove(b);
        assertEquals(4, create("d").pid());
    }

    @Test
    void wrapAroundSkipsPidsInUseAndFullTableThrows() {
        int max = ProcessTable.PID_MAX - 1;
        for (int i = 1; i <= max; i++) {
            assertEquals(i, create("p").pid());
        }
        assertEquals(max, t.size());
        assertThrows(IllegalStateException.class, () -> create("overflow"));

        for (int pid : new int[] {9, 5}) {
            Process p = t.get(pid);
            t.zombify(p, 0, null, 0);
            t.remove(p);
        }
        assertEquals(5, create("x").pid(), "wraps to 1 and skips 1..4, which are in use");
        assertEquals(9, create("y").pid());
        assertThrows(IllegalStateException.class, () -> create("overflow"));
    }
}
