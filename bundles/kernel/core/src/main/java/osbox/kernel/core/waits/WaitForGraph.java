package osbox.kernel.core.waits;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.WaitHolder;
import osbox.api.kernel.WaitResource;
import osbox.kernel.core.sched.Task;

/**
 * The kernel's wait-for graph: an edge "task T waits for resource R" while
 * T is blocked for R, and R's holders found by asking R
 * ({@link WaitResource#heldBy}) when a cycle is looked for. Edges are kept
 * by tid in a sorted map, so every scan is in tid order (deterministic);
 * {@link #begin} adds one as a task goes to sleep, {@link #end} (through the
 * dispatcher, whenever a sleep ends: woken, signal, timeout, stop, exit)
 * removes it.
 *
 * <p>Detection runs when a wait begins, from that waiter, in two phases.
 * First over the blocked tasks only: the waiter's resource's holders among
 * them, their resources' holders, and so on. A waits is an OR-wait (any
 * writer of a pipe, any child may end it), so the waiter is deadlocked only
 * when every task it can reach is blocked in the graph (a knot, which
 * contains a cycle): if some reached resource has no blocked holder, the
 * scan stops there (the usual case, costing one heldBy per blocked task).
 * Only when every reached resource has blocked holders does the second
 * phase look at every live task not in the graph: one that holds a reached
 * resource can still end a wait, so there is no deadlock.
 *
 * <p>A task blocked on something the graph does not see (a terminal, a
 * sleep, a wait with a timeout, a stop) is not in the graph and so counts as
 * able to run: the detector reports no deadlock it cannot prove.
 *
 * @param <T> the kernel's task (the PCB), which shows itself to resources as a WaitHolder
 */
public final class WaitForGraph<T extends Task & WaitHolder> {
    /** An edge: waiter waits for resource since cycle since. */
    private record Edge<T>(T waiter, WaitResource resource, long since) {
    }

    private final TreeMap<Integer, Edge<T>> waits = new TreeMap<>();
    private final Supplier<List<T>> liveTasks;

    /** A graph whose second phase looks at {@code liveTasks} (every task, in tid order). */
    public WaitForGraph(Supplier<List<T>> liveTasks) {
        this.liveTasks = liveTasks;
    }

    /**
     * Adds the edge "waiter waits for resource" (the waiter is about to
     * sleep; it may have one edge at a time, a new one replaces the old).
     * The dispatcher is told to call {@link #end} when the sleep ends.
     */
    public void begin(T waiter, WaitResource resource, long now) {
        waits.put(waiter.tid(), new Edge<>(waiter, resource, now));
        waiter.sched().setInWaitGraph(true);
    }

    /** Removes waiter's edge, if any (its wait ended, or was refused before it slept). */
    public void end(T waiter) {
        waits.remove(waiter.tid());
        waiter.sched().setInWaitGraph(false);
    }

    /** How many tasks wait in the graph now. */
    public int size() {
        return waits.size();
    }

    /** The description of what tid waits for, or null when it does not wait in the graph. */
    public String waitingFor(int tid) {
        Edge<T> e = waits.get(tid);
        return e == null ? null : e.resource().describe();
    }

    /** The task tid that waits in the graph now; IllegalStateException when it does not (a caller's bug). */
    public T waiter(int tid) {
        Edge<T> e = waits.get(tid);
        if (e == null) {
            throw new IllegalStateException("tid " + tid + " does not wait in the graph");
        }
        return e.waiter();
    }

    /**
     * Looks for a deadlock of {@code waiter} (which must have an edge):
     * null when some task it can reach can still run, else the deadlocked
     * tasks and the cycle through the waiter (numbered {@code number}, its
     * action left empty for the policy).
     */
    public Deadlock detect(T waiter, int number, long now) {
        if (!hasBlockedHolder(waits.get(waiter.tid()).resource())) {
            return null;     // the usual case (its holder runs), found without allocating
        }
        TreeMap<Integer, T> reached = new TreeMap<>();
        // the first blocked holder met for each reached waiter: the path the cycle text follows
        TreeMap<Integer, T> firstHolder = new TreeMap<>();
        ArrayDeque<T> frontier = new ArrayDeque<>();
        reached.put(waiter.tid(), waiter);
        frontier.add(waiter);
        while (!frontier.isEmpty()) {
            T t = frontier.poll();
            WaitResource r = waits.get(t.tid()).resource();
            boolean held = false;
            for (Edge<T> other : waits.values()) {
                if (!r.heldBy(other.waiter())) {
                    continue;
                }
                held = true;
                firstHolder.putIfAbsent(t.tid(), other.waiter());
                if (reached.putIfAbsent(other.waiter().tid(), other.waiter()) == null) {
                    frontier.add(other.waiter());
                }
            }
            if (!held) {
                return null;
            }
        }
        for (T task : liveTasks.get()) {
            if (waits.containsKey(task.tid()) || task.state() == ProcessState.ZOMBIE) {
                continue;
            }
            for (T member : reached.values()) {
                if (waits.get(member.tid()).resource().heldBy(task)) {
                    return null;
                }
            }
        }
        return deadlock(waiter, reached, firstHolder, number, now);
    }

    // Whether some task blocked in the graph (the waiter included) holds r.
    private boolean hasBlockedHolder(WaitResource r) {
        for (Edge<T> e : waits.values()) {
            if (r.heldBy(e.waiter())) {
                return true;
            }
        }
        return false;
    }

    // The record: members in tid order, and the cycle found by following first holders from the waiter.
    private Deadlock deadlock(T waiter, TreeMap<Integer, T> reached, TreeMap<Integer, T> firstHolder, int number,
            long now) {
        List<Deadlock.Member> members = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (T t : reached.values()) {
            members.add(member(t));
            cpu.add(t.sched().cpuCycles());
        }
        List<T> path = new ArrayList<>();
        T t = waiter;
        while (!path.contains(t)) {
            path.add(t);
            t = firstHolder.get(t.tid());
        }
        List<Deadlock.Link> links = new ArrayList<>();
        for (int i = path.indexOf(t); i < path.size(); i++) {
            T w = path.get(i);
            links.add(new Deadlock.Link(member(w), waits.get(w.tid()).resource().describe(),
                    member(firstHolder.get(w.tid()))));
        }
        return new Deadlock(number, now, waiter.pid(), waiter.tid(), List.copyOf(members), List.copyOf(links), "",
                false, List.copyOf(cpu));
    }

    private Deadlock.Member member(T t) {
        return new Deadlock.Member(t.pid(), t.tid(), t.name(), waits.get(t.tid()).resource().describe());
    }
}
