package osbox.iosched.bfq;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoPriorityClass;
import osbox.api.io.IoSchedulingContext;
import osbox.api.io.IoSchedulingPolicy;
import osbox.policy.support.SectorQueue;

/**
 * A proportional-share scheduler after Linux's BFQ (budget fair queueing),
 * without idling: each process has a queue; the one in service may dispatch
 * up to a budget of sectors (served in C-LOOK order within the queue), then
 * it is charged the sectors it used divided by its weight in virtual time,
 * and the backlogged queue with the smallest virtual finish time is served
 * next. Weights come from the I/O priority as BFQ derives them:
 * (8 - level) * 10, so level 0 gets 80 and level 7 gets 10 (class NONE
 * counts as best effort level 4). Classes are strict: real-time queues
 * before best effort, idle ones only when nothing else waits; within a
 * class a backlogged process waits at most about one budget of every other
 * backlogged process of its class. Each decision is O(log n + log p).
 */
final class BfqPolicy implements IoSchedulingPolicy {
    /** Virtual time units per sector at weight 1 (keeps charges exact integers for weights up to 80). */
    private static final long SCALE = 80 * 81;

    /** One process's queue. */
    private static final class ProcessQueue {
        final int pid;
        final SectorQueue requests = new SectorQueue();
        IoPriorityClass cls = IoPriorityClass.BEST_EFFORT;
        long weight = 40;
        long start;
        long finish;

        ProcessQueue(int pid) {
            this.pid = pid;
        }
    }

    /** One class's backlogged queues by virtual finish, and its virtual time. */
    private static final class ClassQueues {
        final TreeSet<ProcessQueue> byFinish = new TreeSet<>((a, b) -> a.finish != b.finish
                ? Long.compare(a.finish, b.finish) : Integer.compare(a.pid, b.pid));
        long virtualTime;
    }

    private final long budget;
    /** Every process with queued requests, by pid; looked up, never iterated. */
    private final Map<Integer, ProcessQueue> processes = new HashMap<>();
    /** The classes in service order (an enum map iterates in declaration order). */
    private final EnumMap<IoPriorityClass, ClassQueues> classes = new EnumMap<>(IoPriorityClass.class);
    /** The queue in service (not in its class's set while it is), or null. */
    private ProcessQueue inService;
    private long budgetLeft;
    private long usedInService;

    BfqPolicy(long budget) {
        this.budget = budget;
        for (IoPriorityClass c : List.of(IoPriorityClass.REALTIME, IoPriorityClass.BEST_EFFORT, IoPriorityClass.IDLE)) {
            classes.put(c, new ClassQueues());
        }
    }

    /** Queues the seeded requests in arrival order. */
    @Override
    public void attach(IoSchedulingContext context, List<BlockRequest> queued) {
        queued.forEach(this::add);
    }

    /** Queues r in its process's queue; a process that had none becomes backlogged. */
    @Override
    public void add(BlockRequest request) {
        ProcessQueue q = processes.get(request.pid());
        boolean fresh = q == null;
        if (fresh) {
            q = new ProcessQueue(request.pid());
            processes.put(q.pid, q);
            q.cls = classOf(request);
            q.weight = weightOf(request);
            ClassQueues c = classes.get(q.cls);
            q.start = c.virtualTime;
            q.finish = q.start + budget * SCALE / q.weight;
            c.byFinish.add(q);
        }
        q.requests.add(request);
    }

    /** Drops r; its process's queue goes when it empties (unless it is in service). */
    @Override
    public void remove(BlockRequest request) {
        ProcessQueue q = processes.get(request.pid());
        if (q == null || !q.requests.remove(request)) {
            return;
        }
        if (q.requests.isEmpty() && q != inService) {
            classes.get(q.cls).byFinish.remove(q);
            processes.remove(q.pid);
        }
    }

    /** The next request of the queue in service, choosing a new one when its budget is spent or it emptied. */
    @Override
    public BlockRequest dispatch(long head, long now) {
        if (inService != null && (inService.requests.isEmpty() || budgetLeft <= 0)) {
            expire();
        }
        if (inService == null && !select()) {
            return null;
        }
        BlockRequest next = inService.requests.atOrAbove(head);
        if (next == null) {
            next = inService.requests.lowest();
        }
        inService.requests.remove(next);
        long sectors = Math.max(1, next.count());
        budgetLeft -= sectors;
        usedInService += sectors;
        return next;
    }

    /** Serves the backlogged queue with the smallest finish time of the first class that has one; false if none. */
    private boolean select() {
        for (ClassQueues c : classes.values()) {
            ProcessQueue q = c.byFinish.pollFirst();
            if (q != null) {
                c.virtualTime = Math.max(c.virtualTime, q.start);
                inService = q;
                budgetLeft = budget;
                usedInService = 0;
                return true;
            }
        }
        return false;
    }

    /** Charges the queue in service for what it used and puts it back (or drops it when empty). */
    private void expire() {
        ProcessQueue q = inService;
        inService = null;
        long charged = q.start + usedInService * SCALE / q.weight;
        if (q.requests.isEmpty()) {
            processes.remove(q.pid);
            return;
        }
        q.start = Math.max(charged, classes.get(q.cls).virtualTime);
        q.finish = q.start + budget * SCALE / q.weight;
        classes.get(q.cls).byFinish.add(q);
    }

    /** The class a request's submitter is served in: NONE counts as best effort. */
    static IoPriorityClass classOf(BlockRequest r) {
        return r.priorityClass() == IoPriorityClass.NONE ? IoPriorityClass.BEST_EFFORT : r.priorityClass();
    }

    /** BFQ's weight for the submitter's level: (8 - level) * 10; level 4 for class NONE; levels clamped to 0..7. */
    static long weightOf(BlockRequest r) {
        int level = r.priorityClass() == IoPriorityClass.NONE ? 4 : Math.max(0, Math.min(7, r.priorityLevel()));
        return (8 - level) * 10L;
    }
}
