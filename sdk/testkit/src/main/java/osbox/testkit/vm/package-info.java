/**
 * Contract tests and fakes for page-replacement-policy authors: subclass
 * {@link osbox.testkit.vm.ReplacementPolicyContract} in your bundle's tests,
 * and use {@link osbox.testkit.vm.FakePage},
 * {@link osbox.testkit.vm.FakeReplacementContext} and
 * {@link osbox.testkit.vm.CheckedReplacement} in your own unit tests.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package osbox.testkit.vm;
