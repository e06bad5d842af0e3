package osbox.sched.lottery;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;

/** A tiny one-hart mechanism for tests: CPU-bound tasks run whole slices round after round. */
final class Loop {
    private Loop() {
    }

    /** Runs the already attached policy on hart 0 for about {@code cycles}; returns CPU cycles per task id. */
    static Map<Integer, Long> run(SchedulingPolicy p, TestContext c, long cycles) {
        Map<Integer, Long> cpu = new TreeMap<>();
        long end = c.now + cycles;
        while (c.now < end) {
            SchedTask t = p.pick(0);
            if (t == null) {
                break;
            }
            long slice = Math.min(p.slice(t, 0), end - c.now);
            c.now += slice;
            ((TestTask) t).runtime += slice;
            ((TestTask) t).lastHart = 0;
            cpu.merge(t.id(), slice, Long::sum);
            p.ran(t, slice, StopReason.SLICE_EXPIRED);
            p.enqueue(t, EnqueueReason.PREEMPTED);
        }
        return cpu;
    }

    /** Attaches the policy with these runnable tasks and nothing running. */
    static void attach(SchedulingPolicy p, TestContext c, List<? extends SchedTask> tasks) {
        p.attach(c, List.copyOf(tasks), new SchedTask[c.harts]);
    }
}
