package osbox.deadlock.kill;

import java.util.TreeMap;
import osbox.api.deadlock.DeadlockAction;
import osbox.api.deadlock.DeadlockCycle;
import osbox.api.deadlock.DeadlockPolicy;
import osbox.policy.support.options.Options;

/** Kills one member's process, chosen by a fixed rule (deterministic). */
final class KillPolicy implements DeadlockPolicy {
    /** Which process dies. */
    enum Rule {
        /** The highest pid. */
        YOUNGEST,
        /** The least CPU time over its deadlocked threads; ties to the higher pid. */
        CHEAPEST;

        /** The rule named by the option's value; an error naming the option otherwise. */
        static Rule named(String value, Options options) {
            return switch (value) {
                case "youngest" -> YOUNGEST;
                case "cheapest" -> CHEAPEST;
                default -> throw options.error("option 'victim' must be youngest or cheapest, got '" + value + "'");
            };
        }
    }

    private final Rule rule;

    KillPolicy(Rule rule) {
        this.rule = rule;
    }

    /** The victim by the rule. */
    @Override
    public DeadlockAction decide(DeadlockCycle deadlock) {
        // CPU time per process, in pid order (a sorted map: the choice never depends on hashing)
        TreeMap<Integer, Long> cost = new TreeMap<>();
        for (DeadlockCycle.Member m : deadlock.members()) {
            cost.merge(m.pid(), m.cpuCycles(), Long::sum);
        }
        if (rule == Rule.YOUNGEST) {
            return DeadlockAction.kill(cost.lastKey(), "the youngest");
        }
        int victim = cost.lastKey();
        for (var e : cost.descendingMap().entrySet()) {
            if (e.getValue() < cost.get(victim)) {
                victim = e.getKey();
            }
        }
        return DeadlockAction.kill(victim, "the cheapest");
    }
}
