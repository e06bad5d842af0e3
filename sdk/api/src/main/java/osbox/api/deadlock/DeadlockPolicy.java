package osbox.api.deadlock;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What to do about a deadlock the kernel's detector found. Called on the
 * simulation thread, at most once per deadlock, while the wait that closed
 * it is beginning; must not block. The answer must be deterministic (no
 * wall clock, no unseeded randomness): the same deadlock gets the same
 * action on every run.
 */
@ConsumerType
public interface DeadlockPolicy {
    /**
     * Whether the detector looks for deadlocks at all while this policy is
     * active (false: the graph keeps its edges but nobody searches it, the
     * {@code none} policy). Asked when the policy becomes active.
     */
    default boolean searches() {
        return true;
    }

    /**
     * The action for {@code deadlock}: {@link DeadlockAction#report()}, or a
     * refusal or a kill naming one of its members. A target that is not a
     * member, a null answer or a throw ejects the policy.
     */
    DeadlockAction decide(DeadlockCycle deadlock);
}
