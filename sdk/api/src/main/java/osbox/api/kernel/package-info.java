/**
 * The kernel as its extensions see it: system-call handlers (a whiteboard:
 * each handler is a service naming its Linux riscv64 number), the calling
 * process and its user memory, wait queues, processes, executable formats,
 * and the Linux numbers (syscalls, errno, signals, wait status) osbox keeps.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
@org.osgi.annotation.bundle.Export
package osbox.api.kernel;
