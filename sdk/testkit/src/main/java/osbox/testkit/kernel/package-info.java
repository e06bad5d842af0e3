/**
 * Fakes of the kernel's services for front ends and tools that start
 * programs (a launcher, a shell, a workload runner):
 * {@link osbox.testkit.kernel.FakeProcessManager}, whose programs end as
 * their image says, announcing their exit as the kernel would; and
 * {@link osbox.testkit.kernel.FakeKernel} (1.1), wait queues and exits for
 * the tests of system-call bundles.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package osbox.testkit.kernel;
