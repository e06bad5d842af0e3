/**
 * Fakes for system-call handler authors (bundles that register
 * {@link osbox.api.kernel.SyscallHandler}s or provide
 * {@link osbox.api.kernel.OpenFile}s): {@link osbox.testkit.syscall.FakeSyscall},
 * the call a handler is given, with its arguments, caller, clock and
 * recorded sleeps; {@link osbox.testkit.syscall.ArrayUserMemory}, the
 * caller's memory as one array where anything else is a bad address; and
 * {@link osbox.testkit.syscall.CountingWaitQueue}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package osbox.testkit.syscall;
