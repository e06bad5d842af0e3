package osbox.sched.mlfq;

import java.util.List;
import java.util.TreeMap;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;
import osbox.policy.support.TaskQueue;
import osbox.sched.mlfq.MlfqTaskState.Where;

/**
 * Multi-level feedback queue, following OSTEP's rules (and its mlfq.py):
 * <ul>
 * <li>new tasks enter the top level; the highest non-empty level runs, FIFO
 * within a level, each stretch at most what is left of the task's
 * quantum;</li>
 * <li>a task whose quantum ends uses one unit of its allotment and goes to
 * the back of its level, or one level down when the allotment is used
 * up;</li>
 * <li>the quantum is charged with ran()'s cycles whatever stopped the task,
 * and what is left carries over a block, a yield or a preemption, so
 * yielding or sleeping just before the quantum ends gains nothing (unless
 * the {@code stay} option asks for OSTEP's gameable rule);</li>
 * <li>a task woken at a higher level than the running one preempts it; the
 * preempted task keeps its place at the head of its level;</li>
 * <li>every {@code boost} cycles all tasks move to the top level.</li>
 * </ul>
 * On several harts the levels are global queues; each hart takes the first
 * task that is not running elsewhere.
 */
public final class MlfqPolicy implements SchedulingPolicy {
    private final MlfqConfig config;
    private final TaskQueue[] queues;
    private final TreeMap<Integer, MlfqTaskState> states = new TreeMap<>();

    /** A policy with config. */
    public MlfqPolicy(MlfqConfig config) {
        this.config = config;
        this.queues = new TaskQueue[config.queues()];
        for (int q = 0; q < queues.length; q++) {
            queues[q] = new TaskQueue();
        }
    }

    /** Seeds the runnable tasks at the top; running tasks are taken to be at the head of the top level. */
    @Override
    public void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] running) {
        for (SchedTask t : running) {
            if (t != null) {
                MlfqTaskState s = state(t);
                queues[s.level].addFirst(t);
                s.where = Where.RUNNING;
            }
        }
        for (SchedTask t : runnable) {
            enqueue(t, EnqueueReason.NEW);
        }
    }

    /** Back of its level (front when woken with io-bump); a parked task keeps its place. */
    @Override
    public void enqueue(SchedTask task, EnqueueReason reason) {
        MlfqTaskState s = state(task);
        if (s.where == Where.PARKED && queues[s.level].contains(task)) {
            s.where = Where.QUEUED;
            return;
        }
        if (reason == EnqueueReason.WOKEN && config.ioBump()) {
            queues[s.level].addFirst(task);
        } else {
            queues[s.level].addLast(task);
        }
        s.where = Where.QUEUED;
    }

    /** Forgets a killed task. */
    @Override
    public void dequeue(SchedTask task) {
        forget(task);
    }

    /** The first queued task of the highest non-empty level. */
    @Override
    public SchedTask pick(int hart) {
        for (int q = config.top(); q >= 0; q--) {
            for (SchedTask t : queues[q].view()) {
                MlfqTaskState s = states.get(t.id());
                if (s.where == Where.QUEUED) {
                    s.where = Where.RUNNING;
                    return t;
                }
            }
        }
        return null;
    }

    /** What is left of the task's quantum at its level. */
    @Override
    public long slice(SchedTask task, int hart) {
        return Math.max(1, state(task).ticksLeft);
    }

    /** After a boost; or when a task waits at a higher level than this one. */
    @Override
    public boolean shouldPreempt(SchedTask running, int hart) {
        MlfqTaskState s = state(running);
        if (s.boostPending) {
            return true;
        }
        for (int q = config.top(); q > s.level; q--) {
            for (SchedTask t : queues[q].view()) {
                if (states.get(t.id()).where == Where.QUEUED) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Charges the quantum with cycles whatever the reason, then moves the task as mlfq.py does. */
    @Override
    public void ran(SchedTask task, long cycles, StopReason reason) {
        MlfqTaskState s = state(task);
        s.ticksLeft -= Math.max(0, cycles);
        boolean quantumEnded = s.ticksLeft <= 0;
        if (reason == StopReason.BLOCKED && config.stay()) {
            s.ticksLeft = config.quantum()[s.level];
            s.allotLeft = config.allot()[s.level];
        }
        if (s.boostPending) {
            applyBoost(s);
            s.boostPending = false;
        } else if (quantumEnded) {
            queues[s.level].remove(task);
            s.where = Where.AWAY;
            useAllotment(s);
        }
        afterStop(task, s, reason);
    }

    /** Boost period, or never. */
    @Override
    public long tickPeriod() {
        return config.boost() > 0 ? config.boost() : Long.MAX_VALUE;
    }

    /** The priority boost: every task to the top level, lower levels emptied lowest first. */
    @Override
    public void tick() {
        if (config.boost() <= 0) {
            return;
        }
        for (int q = 0; q < config.top(); q++) {
            for (SchedTask t : queues[q].inOrder()) {
                queues[config.top()].addLast(t);
            }
            queues[q] = new TaskQueue();
        }
        for (MlfqTaskState s : states.values()) {
            s.level = config.top();
            if (s.where == Where.RUNNING) {
                s.boostPending = true;
            } else {
                applyBoost(s);
            }
        }
    }

    /** Level of task (for tests and traces), or -1 if unknown. */
    public int level(SchedTask task) {
        MlfqTaskState s = states.get(task.id());
        return s == null ? -1 : s.level;
    }

    /** Cycles left of task's quantum (for tests), or -1 if unknown. */
    public long ticksLeft(SchedTask task) {
        MlfqTaskState s = states.get(task.id());
        return s == null ? -1 : s.ticksLeft;
    }

    /** Where a stopped task goes: exit forgets, block and yield leave the queue, a preemption parks it in place. */
    private void afterStop(SchedTask task, MlfqTaskState s, StopReason reason) {
        switch (reason) {
            case EXITED -> forget(task);
            case BLOCKED, YIELDED -> {
                queues[s.level].remove(task);
                s.where = Where.AWAY;
            }
            default -> s.where = queues[s.level].contains(task) ? Where.PARKED : Where.AWAY;
        }
    }

    /** One allotment unit used: a fresh quantum here, or one level down when the allotment is gone. */
    private void useAllotment(MlfqTaskState s) {
        s.allotLeft--;
        if (s.allotLeft <= 0) {
            s.reset(config, Math.max(0, s.level - 1));
        } else {
            s.ticksLeft = config.quantum()[s.level];
        }
    }

    /** A boost's reset of the quantum (and allotment), as configured. */
    private void applyBoost(MlfqTaskState s) {
        s.level = config.top();
        if (config.ostepBoost()) {
            s.ticksLeft = config.allot()[config.top()];
        } else {
            s.reset(config, config.top());
        }
    }

    /** Removes task from its queue and forgets it. */
    private void forget(SchedTask task) {
        MlfqTaskState s = states.remove(task.id());
        if (s != null) {
            queues[s.level].remove(task);
        }
    }

    /** task's state, created at the top level on first sight. */
    private MlfqTaskState state(SchedTask task) {
        MlfqTaskState s = states.get(task.id());
        if (s == null) {
            s = new MlfqTaskState(config, config.top());
            states.put(task.id(), s);
        }
        return s;
    }
}
