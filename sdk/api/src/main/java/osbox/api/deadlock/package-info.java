/**
 * The deadlock-handling policy SPI. The kernel's detector (the mechanism in
 * kernel-core) keeps the wait-for graph and finds a deadlock when a wait
 * closes one; what to do then is asked of the active
 * {@link osbox.api.deadlock.DeadlockPolicy}: it is given the deadlock
 * ({@link osbox.api.deadlock.DeadlockCycle}: the deadlocked threads, what
 * each waits for, the cycle) and answers a
 * {@link osbox.api.deadlock.DeadlockAction}: report it only, refuse one
 * member's wait with EDEADLK, or kill one member's process with SIGKILL.
 * The mechanism distrusts the answer: a target that is not a member is
 * refused and the policy ejected (as one that throws), and its built-in
 * fallback (report) handles the deadlock.
 *
 * <p>A policy bundle registers a
 * {@link osbox.api.deadlock.DeadlockPolicyProvider} with the service
 * property {@value osbox.api.deadlock.DeadlockPolicyProvider#NAME}; the
 * slot is kernel-core's {@link osbox.api.policy.PolicyControl} of kind
 * {@value osbox.api.deadlock.DeadlockPolicyProvider#KIND}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package osbox.api.deadlock;
