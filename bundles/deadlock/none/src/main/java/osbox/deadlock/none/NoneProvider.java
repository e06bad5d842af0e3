package osbox.deadlock.none;

import osbox.api.deadlock.DeadlockAction;
import osbox.api.deadlock.DeadlockCycle;
import osbox.api.deadlock.DeadlockPolicy;
import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes the none policy: no detection at all (the ostrich algorithm). The
 * kernel keeps the wait-for graph's edges but does not search it, so a
 * deadlock costs nothing and is never reported. A bundle of its own, not the
 * slot's fallback: the fallback must be safe to fall back to, and a policy
 * that hides deadlocks is a choice the user makes.
 */
public class NoneProvider extends AbstractPolicyProvider<DeadlockPolicy> implements DeadlockPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "none";

    /** The one line for listings; no options. */
    public NoneProvider() {
        super("no detection: the wait-for graph is not searched, deadlocks stay unseen (the ostrich)");
    }

    /** A fresh none policy. */
    @Override
    protected DeadlockPolicy build(Options options) {
        return new DeadlockPolicy() {
            @Override
            public boolean searches() {
                return false;
            }

            // never asked while it does not search; if it were, it would only report
            @Override
            public DeadlockAction decide(DeadlockCycle deadlock) {
                return DeadlockAction.report();
            }
        };
    }
}
