package osbox.sched.stcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.StopReason;
import osbox.testkit.sched.CheckedPolicy;
import osbox.testkit.sched.FakeContext;
import osbox.testkit.sched.FakeTask;

/** STCF's own rules: remaining time, preemption, several harts. */
class StcfPolicyTest {
    /** A shorter newcomer preempts; an equal one does not. */
    @Test
    void shorterNewcomerPreempts() {
        FakeContext ctx = new FakeContext();
        CheckedPolicy p = new CheckedPolicy(new StcfPolicy(0.5, 100), ctx);
        FakeTask a = new FakeTask(1).lengthHint(100);
        p.enqueue(a, EnqueueReason.NEW);
        p.pickStrict(0);
        ctx.now(40);
        p.enqueue(new FakeTask(2).lengthHint(60), EnqueueReason.NEW);
        assertFalse(p.shouldPreempt(0), "60 left each: no preemption on a tie");
        p.enqueue(new FakeTask(3).lengthHint(59), EnqueueReason.NEW);
        assertTrue(p.shouldPreempt(0));
        a.addRuntime(40);
        p.stop(0, 40, StopReason.PREEMPTED);
        assertEquals(3, p.pickStrict(0).id());
    }

    /** With an idle hart, nobody is preempted; otherwise only the longest running task is. */
    @Test
    void preemptsOnlyTheLongestOnSeveralHarts() {
        FakeContext ctx = new FakeContext(2, 0);
        CheckedPolicy p = new CheckedPolicy(new StcfPolicy(0.5, 100), ctx);
        p.enqueue(new FakeTask(1).lengthHint(50), EnqueueReason.NEW);
        p.pickStrict(0);
        p.enqueue(new FakeTask(2).lengthHint(10), EnqueueReason.NEW);
        assertFalse(p.shouldPreempt(0), "hart 1 is idle");
        p.pick(1);
        p.enqueue(new FakeTask(3).lengthHint(5), EnqueueReason.NEW);
        assertTrue(p.shouldPreempt(0));
        assertFalse(p.shouldPreempt(1));
    }
}
