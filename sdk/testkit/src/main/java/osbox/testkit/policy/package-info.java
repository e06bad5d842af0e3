/**
 * A fake for code that chooses policies rather than writing them (shells,
 * launchers, tools): {@link osbox.testkit.policy.FakePolicyControl}, an
 * {@link osbox.api.policy.PolicyControl} with providers given by name and
 * defaults, that checks options and records every choice, without a
 * machine.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package osbox.testkit.policy;
