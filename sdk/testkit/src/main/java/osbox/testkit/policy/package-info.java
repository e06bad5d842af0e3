/**
 * A fake for code that chooses policies rather than writing them (shells,
 * launchers, tools): {@link osbox.testkit.policy.FakePolicyControl}, an
 * {@link osbox.api.policy.PolicyControl} with providers given by name and
 * defaults, that checks options and records every choice, without a
 * machine.
 *
 * <p>1.1: {@link osbox.testkit.policy.PolicyProviderContract}, the provider
 * checks every kind's policy contract shares (one line of description,
 * defaults accepted, unknown and malformed options rejected by name).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package osbox.testkit.policy;
