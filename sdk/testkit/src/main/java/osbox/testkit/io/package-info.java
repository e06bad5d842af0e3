/**
 * Contract tests and fakes for I/O-scheduler authors: subclass
 * {@link osbox.testkit.io.IoSchedulingPolicyContract} in your bundle's
 * tests; use {@link osbox.testkit.io.FakeRequest} and
 * {@link osbox.testkit.io.IoDriver} (the block layer's queue, head and
 * clock, with hot swaps) and {@link osbox.testkit.io.SweepRun} (a static
 * queue served from a head position, the textbook exercise) in your own.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package osbox.testkit.io;
