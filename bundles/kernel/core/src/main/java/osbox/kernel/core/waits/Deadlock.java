package osbox.kernel.core.waits;

import java.util.ArrayList;
import java.util.List;
import osbox.api.deadlock.DeadlockCycle;

/**
 * One deadlock the detector found: the tasks that can never run again
 * (every one waits for a resource only they hold), the cycle through the
 * task whose wait closed it, and what the detection policy did.
 *
 * @param number  its number, from 1, in the order found (ipc:deadlocks, the trace)
 * @param cycle   the simulated cycle it closed at
 * @param closer  the pid of the task whose wait closed it
 * @param members the deadlocked tasks, ascending by tid
 * @param links   the cycle: each waiter, what it waits for, and the member holding that; the last link's
 *                holder is the first link's waiter (or a waiter met earlier on the path)
 * @param action  what the policy did: "reported", "refused pid N's wait with EDEADLK", "killed pid N"
 * @param reportedOnly whether the policy only reported it (nothing was done that could end it)
 * @param cpuCycles the CPU time each member had used when it was found, in the order of members
 */
public record Deadlock(int number, long cycle, int closer, int closerTid, List<Member> members, List<Link> links,
        String action, boolean reportedOnly, List<Long> cpuCycles) {

    /** A deadlocked task: pid, tid, name, and the resource it waits for. */
    public record Member(int pid, int tid, String name, String waitsFor) {
    }

    /** An edge of the cycle: waiter waits for resource, which holder holds. */
    public record Link(Member waiter, String resource, Member holder) {
    }

    /** The cycle as one line: "pid 3 (a) waits for R, held by pid 4 (b); pid 4 (b) waits for ..., held by pid 3 (a)". */
    public String cycleText() {
        StringBuilder b = new StringBuilder();
        for (Link l : links) {
            b.append(b.length() == 0 ? "" : "; ").append(who(l.waiter())).append(" waits for ").append(l.resource())
                    .append(", held by ").append(who(l.holder()));
        }
        return b.toString();
    }

    /** The same deadlock with what the policy did, and whether that was only a report. */
    public Deadlock withAction(String what, boolean onlyReported) {
        return new Deadlock(number, cycle, closer, closerTid, members, links, what, onlyReported, cpuCycles);
    }

    /** The member with thread id tid, or null. */
    public Member member(int tid) {
        for (Member m : members) {
            if (m.tid() == tid) {
                return m;
            }
        }
        return null;
    }

    /** The deadlock as a policy sees it (osbox.api.deadlock). */
    public DeadlockCycle view() {
        List<DeadlockCycle.Member> ms = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            ms.add(new DeadlockCycle.Member(m.pid(), m.tid(), m.name(), m.waitsFor(), cpuCycles.get(i)));
        }
        List<DeadlockCycle.Link> ls = new ArrayList<>();
        for (Link l : links) {
            ls.add(new DeadlockCycle.Link(l.waiter().tid(), l.resource(), l.holder().tid()));
        }
        return new DeadlockCycle(number, cycle, closerTid, ms, ls);
    }

    /** Whether the same tasks wait for the same resources in both (a deadlock found again). */
    public boolean sameAs(Deadlock other) {
        return members.equals(other.members);
    }

    /** "pid 3 (name)", or "tid 5 of pid 3 (name)" for a thread that is not the group's leader. */
    static String who(Member m) {
        return (m.tid() == m.pid() ? "pid " + m.pid() : "tid " + m.tid() + " of pid " + m.pid()) + " (" + m.name()
                + ")";
    }
}
