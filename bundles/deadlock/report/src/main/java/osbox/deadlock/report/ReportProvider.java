package osbox.deadlock.report;

import osbox.api.deadlock.DeadlockAction;
import osbox.api.deadlock.DeadlockPolicy;
import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes the report policy: every deadlock is reported (a trace event, a log
 * line, ipc:deadlocks) and the tasks stay blocked, as on Linux, where only
 * the user (or an alarm) can end it. The default policy.
 */
public class ReportProvider extends AbstractPolicyProvider<DeadlockPolicy> implements DeadlockPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "report";

    /** The one line for listings; no options. */
    public ReportProvider() {
        super("detect and report (trace event, run report, ipc:deadlocks); the tasks stay blocked, as on Linux");
    }

    /** A fresh report policy. */
    @Override
    protected DeadlockPolicy build(Options options) {
        return deadlock -> DeadlockAction.report();
    }
}
