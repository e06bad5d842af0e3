package osbox.api.deadlock;

import java.util.List;

/**
 * A deadlock as a policy sees it: the tasks that can never run again (each
 * waits for a resource only they hold) and the cycle through the task whose
 * wait closed it.
 *
 * @param number    its number, from 1, in the order found
 * @param cycle     the simulated cycle it closed at
 * @param closerTid the thread whose wait (beginning now) closed it
 * @param members   the deadlocked threads, ascending by tid
 * @param links     the cycle: each waiter, what it waits for, and the member holding that
 */
public record DeadlockCycle(int number, long cycle, int closerTid, List<Member> members, List<Link> links) {

    /** Copies the lists. */
    public DeadlockCycle {
        members = List.copyOf(members);
        links = List.copyOf(links);
    }

    /**
     * A deadlocked thread.
     *
     * @param pid       its process (thread group)
     * @param tid       the thread
     * @param name      the process's name
     * @param waitsFor  what it waits for ("pipe:[3] (data, from its writers)", "futex 0x... (PI, owner tid 5)")
     * @param cpuCycles the CPU time it has used, in cycles (a cost for victim rules)
     */
    public record Member(int pid, int tid, String name, String waitsFor, long cpuCycles) {
    }

    /** An edge of the cycle: thread waiterTid waits for resource, which thread holderTid holds. */
    public record Link(int waiterTid, String resource, int holderTid) {
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

    /** Whether some member belongs to process pid. */
    public boolean hasProcess(int pid) {
        for (Member m : members) {
            if (m.pid() == pid) {
                return true;
            }
        }
        return false;
    }
}
