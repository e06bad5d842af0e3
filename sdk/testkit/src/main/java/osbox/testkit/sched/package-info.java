/**
 * Contract tests and fakes for scheduling-policy authors: subclass
 * {@link osbox.testkit.sched.SchedulingPolicyContract} in your bundle's tests,
 * and use {@link osbox.testkit.sched.FakeTask},
 * {@link osbox.testkit.sched.FakeContext} and
 * {@link osbox.testkit.sched.CheckedPolicy} in your own unit tests.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package osbox.testkit.sched;
