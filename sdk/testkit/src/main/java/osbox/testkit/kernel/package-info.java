/**
 * Fakes of the kernel's services for front ends and tools that start
 * programs (a launcher, a shell, a workload runner):
 * {@link osbox.testkit.kernel.FakeProcessManager}, whose programs end as
 * their image says, announcing their exit as the kernel would.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package osbox.testkit.kernel;
