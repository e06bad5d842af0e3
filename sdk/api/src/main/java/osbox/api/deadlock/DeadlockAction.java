package osbox.api.deadlock;

import java.util.Objects;

/**
 * A deadlock policy's answer.
 *
 * @param kind   what to do
 * @param target the thread id whose wait is refused ({@link Kind#REFUSE}), the process id killed
 *               ({@link Kind#KILL}), 0 for {@link Kind#REPORT}
 * @param why    the victim rule, for the report ("the youngest", "the closing wait"); may be empty
 */
public record DeadlockAction(Kind kind, int target, String why) {

    /** What the mechanism does with the deadlock (it is always reported). */
    public enum Kind {
        /** Nothing more: the tasks stay blocked, as on Linux. */
        REPORT,
        /** The target thread's wait fails with EDEADLK (it runs on and may release what it holds). */
        REFUSE,
        /** The target process is killed with SIGKILL (its exit releases what it held). */
        KILL
    }

    /** Checks the kind and the reason are there. */
    public DeadlockAction {
        Objects.requireNonNull(kind, "kind");
        why = why == null ? "" : why;
    }

    /** Report only. */
    public static DeadlockAction report() {
        return new DeadlockAction(Kind.REPORT, 0, "");
    }

    /** Refuse thread {@code tid}'s wait with EDEADLK, chosen by rule {@code why}. */
    public static DeadlockAction refuse(int tid, String why) {
        return new DeadlockAction(Kind.REFUSE, tid, why);
    }

    /** Kill process {@code pid} with SIGKILL, chosen by rule {@code why}. */
    public static DeadlockAction kill(int pid, String why) {
        return new DeadlockAction(Kind.KILL, pid, why);
    }
}
