/**
 * The scheduling-policy SPI. The kernel's dispatcher is the mechanism: it
 * owns the truth (which tasks exist, which are runnable, which runs where),
 * dispatches, switches context, keeps time and accounting, and runs a
 * watchdog. A policy only decides: which runnable task a hart runs next, for
 * how long, and whether a newly runnable task should preempt a running one.
 *
 * <p>A policy sees tasks only through {@link osbox.api.sched.SchedTask}, a
 * narrow read-only view. It is created by a
 * {@link osbox.api.sched.SchedulingPolicyProvider} (a whiteboard service named
 * by {@value osbox.api.sched.SchedulingPolicyProvider#NAME}) and, when it
 * becomes the active policy, is seeded with every runnable task through
 * {@link osbox.api.sched.SchedulingPolicy#attach}. All calls come on the
 * simulation thread; times are in cycles.
 *
 * <p>The policy is chosen through the kernel's
 * {@link osbox.api.policy.PolicyControl} of kind
 * {@value osbox.api.sched.SchedulingPolicyProvider#KIND} (Config Admin PID
 * {@value osbox.api.sched.SchedulingPolicyProvider#PID}).
 *
 * <p>2.0: {@code SchedulerControl} is gone (the generic
 * {@link osbox.api.policy.PolicyControl} replaces it);
 * {@link osbox.api.sched.SchedulingPolicyProvider} is a
 * {@link osbox.api.policy.PolicyProvider} and names its slot's kind and PID.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
@org.osgi.annotation.bundle.Export
package osbox.api.sched;
