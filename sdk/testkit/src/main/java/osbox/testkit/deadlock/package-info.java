/**
 * The contract test for deadlock-policy authors: subclass
 * {@link osbox.testkit.deadlock.DeadlockPolicyContract} in your bundle's
 * tests; {@link osbox.testkit.deadlock.DeadlockPolicyContract#twoProcesses()}
 * and its siblings are deadlocks to try your own rules on.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package osbox.testkit.deadlock;
