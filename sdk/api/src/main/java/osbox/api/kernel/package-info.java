/**
 * The kernel as its extensions see it: system-call handlers (a whiteboard:
 * each handler is a service naming its Linux riscv64 number), the calling
 * process and its user memory, wait queues, processes, executable formats,
 * per-process memory counters ({@link osbox.api.kernel.MemoryUsage}),
 * and the Linux numbers (syscalls, errno, signals, wait status) osbox keeps.
 *
 * <p>1.5: {@link osbox.api.kernel.UserMemory}'s word and string accessors
 * are default methods over {@code read} and {@code write}.
 *
 * <p>1.6: {@link osbox.api.kernel.Signals#SIGXCPU} and
 * {@link osbox.api.kernel.Signals#SIGXFSZ} (RLIMIT_CPU, RLIMIT_FSIZE);
 * {@link osbox.api.kernel.SyscallHandler#STATUS}, the service
 * property docs/syscalls.md is written from; {@link osbox.api.kernel.Syscalls}'s
 * GETRESUID, GETRESGID and TIMES.
 *
 * <p>1.7: for the terminal (issue 10):
 * {@link osbox.api.kernel.ProcessView}'s pgid, sid and blocksOrIgnores,
 * {@link osbox.api.kernel.ProcessManager#killGroup}, a
 * {@link osbox.api.kernel.TerminalProvider} opened for the process it
 * starts, and {@link osbox.api.kernel.SyscallContext#sleepOnUntil};
 * {@link osbox.api.kernel.SyscallTracing} (strace for a running process);
 * {@link osbox.api.kernel.OpenFile#poll} and the POLL* bits (ppoll,
 * pselect6).
 *
 * <p>1.8: for IPC bundles (issue 11): {@link osbox.api.kernel.SyscallContext#installFile}
 * and {@link osbox.api.kernel.SyscallContext#file}, so a bundle's handlers
 * can give out and look up descriptors; open flags kept by the open file
 * description ({@link osbox.api.kernel.OpenFile#O_NONBLOCK} and the other
 * O_* values, {@link osbox.api.kernel.SyscallContext#installFile(OpenFile, int)},
 * {@link osbox.api.kernel.SyscallContext#nonBlocking()}: fcntl F_GETFL and
 * F_SETFL); {@link osbox.api.kernel.FileHandle} and
 * {@link osbox.api.kernel.SyscallContext#hold}, a description held in flight
 * (SCM_RIGHTS) and installed again as the same description;
 * {@link osbox.api.kernel.SyscallContext#closeFile} and
 * {@link osbox.api.kernel.SyscallContext#raiseSigpipe};
 * {@link osbox.api.kernel.WaitQueue#watchOnce} and
 * {@link osbox.api.kernel.SyscallContext#replaceSigmask} for epoll;
 * {@link osbox.api.kernel.ProcessView}'s uid, euid,
 * egid, inGroup and umask (IPC permissions), the System V IPC numbers in
 * {@link osbox.api.kernel.Syscalls}, and
 * {@link osbox.api.kernel.ProcessManager#queueSignal} (a message queue's SI_MESGQ
 * notification).
 * The deadlock detector's hook:
 * {@link osbox.api.kernel.SyscallContext#waitFor} with a
 * {@link osbox.api.kernel.WaitResource}, which asks a
 * {@link osbox.api.kernel.WaitHolder} what it holds; and
 * {@link osbox.api.kernel.DeadlockDetection}, the detector's policy and
 * findings for the shell.
 *
 * <p>1.9: {@link osbox.api.kernel.ProcessManager#addThreadExitListener} and
 * {@link osbox.api.kernel.ProcessManager#removeThreadExitListener} (a run
 * report's row per thread, issue 11).
 *
 * <p>1.10: {@link osbox.api.kernel.Kernel#currentHart} and
 * {@link osbox.api.kernel.Kernel#chargeCpu}: a driver charging the CPU for
 * the work it does (programmed I/O copies, polling; issue 12).
 */
@org.osgi.annotation.versioning.Version("1.10.0")
@org.osgi.annotation.bundle.Export
package osbox.api.kernel;
