package osbox.kernel.core.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.kernel.core.sched.SchedFixture.QUANTUM;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.kernel.core.proc.Process;
import osbox.testkit.hw.FakeHart;

/** CPU-time limits: the hart's timer fires when the running task's CPU use reaches its deadline. */
class DispatcherCpuLimitTest {
    private final SchedFixture f = new SchedFixture(1);
    private final FakeHart h = f.hart(0);
    /** Each call of reached: "pid@used". */
    private final List<String> reached = new ArrayList<>();
    private long deadline = Long.MAX_VALUE;

    private void limit() {
        f.d.setCpuLimit(new CpuLimit<>() {
            @Override
            public long deadline(Process p) {
                return deadline;
            }

            @Override
            public void reached(Process p, long used) {
                reached.add(p.pid() + "@" + used);
                deadline += 1000;
            }
        });
    }

    @Test
    void withoutALimitTheTimerKeepsToTheSlice() {
        limit();
        f.ready("a");
        assertEquals(List.of("program 0 @" + QUANTUM), f.timer.log());
    }

    @Test
    void theTimerFiresAtTheDeadlineCountingTheCpuUsedBefore() {
        deadline = 700;
        limit();
        Process a = f.ready("a");
        Process b = f.ready("b");
        assertEquals("program 0 @" + QUANTUM, f.timer.log().get(0), "the slice ends before a's deadline");
        h.advance(QUANTUM, 1);
        f.d.tick(h);
        assertSame(b, f.d.current(0));
        h.advance(QUANTUM, 1);
        f.d.tick(h);
        assertSame(a, f.d.current(0));
        f.timer.log().clear();
        h.advance(0, 0);
        f.d.cpuLimitChanged(a);
        assertEquals(List.of("program 0 @" + (2 * QUANTUM + 200)), f.timer.log(),
                "a used 500 cycles: 200 more reach 700");
        h.advance(200, 1);
        f.d.tick(h);
        assertEquals(List.of(a.pid() + "@700"), reached);
        assertSame(a, f.d.current(0), "not retired: it runs on, to its next deadline");
        assertTrue(f.timer.deadline(0) <= h.cycle() + 1000);
    }

    @Test
    void aLimitAlreadyPassedFiresAtTheNextCycle() {
        limit();
        Process a = f.ready("a");
        h.advance(100, 1);
        deadline = 50;
        f.timer.log().clear();
        f.d.cpuLimitChanged(a);
        assertEquals(List.of("program 0 @" + (h.cycle() + 1)), f.timer.log());
        h.advance(1, 1);
        f.d.tick(h);
        assertEquals(List.of(a.pid() + "@101"), reached);
    }
}
