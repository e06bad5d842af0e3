/**
 * Building blocks for scheduling-policy bundles: per-hart run queues with
 * placement and stealing ({@link osbox.policy.support.HartPolicy},
 * {@link osbox.policy.support.RunQueue},
 * {@link osbox.policy.support.OrderedQueue}), simple global task queues
 * ({@link osbox.policy.support.TaskQueue},
 * {@link osbox.policy.support.RankedQueue}, and the skeleton of a policy over
 * one global queue, {@link osbox.policy.support.TaskQueuePolicy}), burst
 * prediction ({@link osbox.policy.support.BurstEstimator}), Linux's nice
 * weights ({@link osbox.policy.support.NiceWeights}); and for
 * page-replacement
 * policies ({@link osbox.policy.support.PageList},
 * {@link osbox.policy.support.ClockRing}, and the policy skeletons over them,
 * {@link osbox.policy.support.PageListPolicy} and
 * {@link osbox.policy.support.ClockRingPolicy}); and for every provider
 * ({@link osbox.policy.support.AbstractPolicyProvider}: description,
 * defaults and option checking, so a provider states only what differs).
 * Option parsing and validation is the package
 * {@link osbox.policy.support.options}.
 *
 * <p>Meant to be embedded: a policy bundle builds against this library and
 * copies the package into its own jar (bnd {@code -conditionalpackage}), so no
 * bundle imports it at run time and every policy keeps private copies.
 *
 * <p>2.0: {@code Options} moved to {@link osbox.policy.support.options}, the
 * one option parser (with one error format) of policies, kernel and tools.
 * <p>2.1: {@code AbstractPolicyProvider}, the skeleton of every policy
 * provider; {@code PageListPolicy} and {@code ClockRingPolicy}, the skeletons
 * of list and clock page-replacement policies; {@code TaskQueuePolicy}, the
 * skeleton of FIFO and round robin; {@code AccessSampling}, the
 * sample option of LRU and LFU; {@code NiceWeights}, the weight table of CFS
 * (and of the example weighted round robin).
 * <p>2.3: for I/O schedulers, {@code SectorQueue} (requests by sector),
 * {@code ArrivalQueue} (requests in arrival order), both {@code IoQueue}s;
 * {@code IoQueuePolicy}, the skeleton of a scheduler over one queue, and
 * {@code SweepPolicy} on it (SCAN, C-SCAN, LOOK and C-LOOK).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.3.0")
package osbox.policy.support;
