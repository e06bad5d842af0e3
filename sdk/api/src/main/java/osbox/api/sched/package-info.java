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
 */
@org.osgi.annotation.versioning.Version("1.2.0")
@org.osgi.annotation.bundle.Export
package osbox.api.sched;
