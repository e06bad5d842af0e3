/**
 * The I/O-scheduler SPI. The block layer is the mechanism: it owns the
 * request queue of each device (the requests themselves, merging, plugging,
 * barriers and flushes, accounting), moves the head, and asks a policy only
 * which queued request goes to the device next. A policy sees requests only
 * through {@link osbox.api.io.BlockRequest}, a read-only view.
 *
 * <p>A policy is made by an {@link osbox.api.io.IoSchedulingPolicyProvider}
 * (a whiteboard service named by
 * {@value osbox.api.io.IoSchedulingPolicyProvider#NAME}: noop, sstf, scan,
 * cscan, look, clook, deadline, bfq, or a plugin's). When it becomes a
 * device's active policy it is seeded with every queued request through
 * {@link osbox.api.io.IoSchedulingPolicy#attach}; on detach it hands nothing
 * back (the mechanism still owns the requests and seeds the next policy
 * with them), so a swap can neither lose nor duplicate a request. All calls
 * come on the simulation thread; times are in cycles, positions in sectors.
 *
 * <p>The policy is chosen through the block layer's
 * {@link osbox.api.policy.PolicyControl} of kind
 * {@value osbox.api.io.IoSchedulingPolicyProvider#KIND} (Config Admin PID
 * {@value osbox.api.io.IoSchedulingPolicyProvider#PID}).
 *
 * <p>1.1: the block layer as its clients see it:
 * {@link osbox.api.io.BlockLayer} (a service of the kernel) and
 * {@link osbox.api.io.BlockIo}, one I/O submitted to it (issue 12).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package osbox.api.io;
