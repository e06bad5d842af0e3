package osbox.deadlock.breaking;

import osbox.api.deadlock.DeadlockPolicy;
import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes the break policy: report, and refuse one member's wait with
 * EDEADLK. Option {@code waiter}: {@code closer} (the default: the wait
 * that closed the cycle fails before it sleeps, what Linux does for a PI
 * futex or fcntl lock that would deadlock) or {@code youngest} (the member
 * thread with the highest tid, the most recently created, is woken with
 * EDEADLK). (The package is {@code breaking}: {@code break} is a Java keyword.)
 */
public class BreakProvider extends AbstractPolicyProvider<DeadlockPolicy> implements DeadlockPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "break";

    /** The one line for listings; option waiter. */
    public BreakProvider() {
        super("report, and refuse a waiter's wait with EDEADLK (waiter=closer: the wait that closed it;"
                + " youngest: the highest tid)", "waiter", "closer");
    }

    /** A fresh break policy with its waiter rule; IllegalArgumentException naming waiter for another value. */
    @Override
    protected DeadlockPolicy build(Options options) {
        return new BreakPolicy(BreakPolicy.Rule.named(options.text("waiter"), options));
    }
}
