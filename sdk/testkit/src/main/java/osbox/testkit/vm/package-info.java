/**
 * Contract tests and fakes for page-replacement-policy authors: subclass
 * {@link osbox.testkit.vm.ReplacementPolicyContract} in your bundle's tests,
 * and use {@link osbox.testkit.vm.FakePage},
 * {@link osbox.testkit.vm.FakeReplacementContext} and
 * {@link osbox.testkit.vm.CheckedReplacement} in your own unit tests.
 *
 * <p>1.1: {@link osbox.testkit.vm.CheckedReplacement#use} and
 * {@link osbox.testkit.vm.CheckedReplacement#sample} (uses the machine sees
 * only by sampling reference bits), and the contract samples at the policy's
 * {@code accessSamplePeriod()}.
 *
 * <p>2.0: the SPI these test is {@code osbox.api.vm.replace} (was
 * {@code osbox.api.vm}), so every signature naming its types changed.
 *
 * <p>2.1: {@code ReplacementPolicyContract} extends
 * {@link osbox.testkit.policy.PolicyProviderContract}, which holds the
 * provider checks (and {@code options()}, {@code freeFormOptions()},
 * {@code newPolicy()}) it shares with the scheduling contract; and
 * {@link osbox.testkit.vm.CheckedReplacement#reference} serves one reference
 * as the mechanism does (a hit is an access, a miss evicts when full and
 * loads).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package osbox.testkit.vm;
