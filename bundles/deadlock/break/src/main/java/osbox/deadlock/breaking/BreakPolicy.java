package osbox.deadlock.breaking;

import osbox.api.deadlock.DeadlockAction;
import osbox.api.deadlock.DeadlockCycle;
import osbox.api.deadlock.DeadlockPolicy;
import osbox.policy.support.options.Options;

/** Refuses one member's wait with EDEADLK, chosen by a fixed rule (deterministic). */
final class BreakPolicy implements DeadlockPolicy {
    /** Whose wait is refused. */
    enum Rule {
        /** The thread whose wait closed the cycle (it has not slept yet). */
        CLOSER,
        /** The member with the highest tid. */
        YOUNGEST;

        /** The rule named by the option's value; an error naming the option otherwise. */
        static Rule named(String value, Options options) {
            return switch (value) {
                case "closer" -> CLOSER;
                case "youngest" -> YOUNGEST;
                default -> throw options.error("option 'waiter' must be closer or youngest, got '" + value + "'");
            };
        }
    }

    private final Rule rule;

    BreakPolicy(Rule rule) {
        this.rule = rule;
    }

    /** Refuses the closer's wait (no reason shown: Linux's own rule) or the youngest member's. */
    @Override
    public DeadlockAction decide(DeadlockCycle deadlock) {
        if (rule == Rule.CLOSER) {
            return DeadlockAction.refuse(deadlock.closerTid(), "");
        }
        int tid = 0;
        for (DeadlockCycle.Member m : deadlock.members()) {
            tid = Math.max(tid, m.tid());
        }
        return DeadlockAction.refuse(tid, "the youngest thread");
    }
}
