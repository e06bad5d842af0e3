/**
 * Contract tests and fakes for scheduling-policy authors: subclass
 * {@link osbox.testkit.sched.SchedulingPolicyContract} in your bundle's tests,
 * and use {@link osbox.testkit.sched.FakeTask},
 * {@link osbox.testkit.sched.FakeContext} and
 * {@link osbox.testkit.sched.CheckedPolicy} in your own unit tests.
 *
 * <p>1.1: the lab's engine, {@link osbox.testkit.sched.LabRun} (a policy run
 * over {@link osbox.testkit.sched.LabJob}s as the kernel mechanism runs it,
 * giving a {@link osbox.testkit.sched.LabResult} of
 * {@link osbox.testkit.sched.JobStats}), moved here from
 * {@code osbox.testkit.lab}: the contract runs it, and the lab (which builds
 * on these fakes) uses it from here, so the two packages no longer depend on
 * each other.
 *
 * <p>1.2: {@code SchedulingPolicyContract} extends
 * {@link osbox.testkit.policy.PolicyProviderContract}, which holds the
 * provider checks (and {@code options()}, {@code freeFormOptions()},
 * {@code newPolicy()}) it shares with the page-replacement contract.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package osbox.testkit.sched;
