package osbox.testkit.deadlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.deadlock.DeadlockAction;
import osbox.api.deadlock.DeadlockCycle;
import osbox.api.deadlock.DeadlockPolicy;
import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.testkit.policy.PolicyProviderContract;

/**
 * What every deadlock policy must do, as the kernel's detector relies on
 * it (beyond the provider checks of {@link PolicyProviderContract}): for
 * every shape of deadlock it answers an action, never null, whose target
 * is a member (a refused tid is a member thread, a killed pid a member's
 * process), and the same deadlock gets the same action from a fresh policy
 * (no wall clock, no unseeded randomness). The kernel ejects a policy that
 * breaks this; the contract catches it before.
 */
public abstract class DeadlockPolicyContract extends PolicyProviderContract<DeadlockPolicy> {
    /** The provider under test. */
    @Override
    protected abstract DeadlockPolicyProvider provider();

    /** Two processes, each holding what the other waits for (pids 3 and 4), closed by pid 4. */
    public static DeadlockCycle twoProcesses() {
        return new DeadlockCycle(1, 1000, 4, List.of(
                new DeadlockCycle.Member(3, 3, "a", "pipe:[1] (data, from its writers)", 500),
                new DeadlockCycle.Member(4, 4, "b", "pipe:[2] (data, from its writers)", 900)),
                List.of(new DeadlockCycle.Link(4, "pipe:[2] (data, from its writers)", 3),
                        new DeadlockCycle.Link(3, "pipe:[1] (data, from its writers)", 4)));
    }

    /** One thread waiting for itself (a pipe's reader holding its only write end). */
    public static DeadlockCycle selfDeadlock() {
        return new DeadlockCycle(2, 2000, 7, List.of(
                new DeadlockCycle.Member(7, 7, "c", "pipe:[3] (data, from its writers)", 100)),
                List.of(new DeadlockCycle.Link(7, "pipe:[3] (data, from its writers)", 7)));
    }

    /** Five philosophers: threads 11..15 of process 10, each holding its left fork and waiting for its right. */
    public static DeadlockCycle philosophers() {
        List<DeadlockCycle.Member> members = new ArrayList<>();
        List<DeadlockCycle.Link> links = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String fork = "futex fork " + (i + 1) % 5;
            members.add(new DeadlockCycle.Member(10, 11 + i, "philosophers", fork, 1000L * (5 - i)));
            links.add(new DeadlockCycle.Link(11 + i, fork, 11 + (i + 1) % 5));
        }
        return new DeadlockCycle(3, 3000, 15, members, links);
    }

    /** Every deadlock the contract tries. */
    protected List<DeadlockCycle> deadlocks() {
        return List.of(twoProcesses(), selfDeadlock(), philosophers());
    }

    /** decide answers an action naming a member (or nobody, for a report) for every deadlock. */
    @Test
    public void answersAnActionNamingAMember() {
        for (DeadlockCycle d : deadlocks()) {
            DeadlockPolicy p = newPolicy();
            if (!p.searches()) {
                continue;  // never asked
            }
            DeadlockAction a = p.decide(d);
            assertNotNull(a, "decide answered null for " + d);
            switch (a.kind()) {
                case REPORT -> {
                }
                case REFUSE -> assertNotNull(d.member(a.target()), "refused tid " + a.target() + " is not in " + d);
                case KILL -> assertTrue(d.hasProcess(a.target()), "killed pid " + a.target() + " is not in " + d);
            }
        }
    }

    /** A fresh policy gives the same deadlock the same action. */
    @Test
    public void isDeterministic() {
        for (DeadlockCycle d : deadlocks()) {
            DeadlockPolicy first = newPolicy();
            if (!first.searches()) {
                continue;
            }
            assertEquals(first.decide(d), newPolicy().decide(d), "two policies disagree on " + d);
        }
    }
}
