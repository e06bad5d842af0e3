package osbox.kernel.core.waits;

import osbox.api.deadlock.DeadlockAction;
import osbox.api.deadlock.DeadlockCycle;
import osbox.api.deadlock.DeadlockPolicy;

/**
 * The deadlock slot's built-in fallback: report every deadlock and do
 * nothing else (the tasks stay blocked, as on Linux). Trusted kernel code,
 * never ejected: it harms nobody, so it is what runs while no policy bundle
 * is there and after one is ejected.
 */
final class BuiltinReport implements DeadlockPolicy {
    /** Reports only. */
    @Override
    public DeadlockAction decide(DeadlockCycle deadlock) {
        return DeadlockAction.report();
    }
}
