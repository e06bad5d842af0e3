package osbox.deadlock.kill;

import osbox.api.deadlock.DeadlockPolicy;
import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes the kill policy: report, and kill one member's process with
 * SIGKILL; its exit releases what it held. Option {@code victim}:
 * {@code youngest} (the default: the highest pid, the newest process, which
 * has usually done the least work) or {@code cheapest} (the process whose
 * deadlocked threads used the least CPU time; ties go to the higher pid).
 */
public class KillProvider extends AbstractPolicyProvider<DeadlockPolicy> implements DeadlockPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "kill";

    /** The one line for listings; option victim. */
    public KillProvider() {
        super("report, and kill a victim with SIGKILL (victim=youngest: the highest pid; cheapest: the least"
                + " CPU time)", "victim", "youngest");
    }

    /** A fresh kill policy with its victim rule; IllegalArgumentException naming victim for another value. */
    @Override
    protected DeadlockPolicy build(Options options) {
        return new KillPolicy(KillPolicy.Rule.named(options.text("victim"), options));
    }
}
