package osbox.api.kernel;

import org.osgi.annotation.versioning.ProviderType;

/** What a system-call handler sees of the call and its caller. */
@ProviderType
public interface SyscallContext {
    /** The syscall number (a7). */
    int number();

    /** Argument {@code i} (a0..a5), 0 &lt;= i &lt; 6. */
    long arg(int i);

    /** The calling process. */
    ProcessView process();

    /** The caller's memory, checked through its page table. */
    UserMemory memory();

    /** The hart the call came from. */
    int hart();

    /** Simulated time now, in cycles. */
    long now();

    /** Cycles per simulated second. */
    long frequencyHz();

    /**
     * Puts the calling process to sleep on {@code queue}; the handler must
     * then return {@link SyscallHandler#RESTART}. When the queue is woken the
     * process runs the same call again.
     */
    void sleepOn(WaitQueue queue);

    /**
     * Puts the caller to sleep until simulated cycle {@code deadline}, and
     * reports how the sleep ended through {@link #woken()} on the restart.
     */
    void sleepUntil(long deadline);

    /**
     * Puts the caller to sleep on {@code queue} until it is woken or
     * simulated cycle {@code deadline} comes, whichever is first (a read
     * with a timeout: a terminal's VTIME); the handler must then return
     * {@link SyscallHandler#RESTART}, and tells the two apart on the restart
     * by {@link #now()}. Since 1.6.
     */
    void sleepOnUntil(WaitQueue queue, long deadline);

    /**
     * Puts the caller to sleep on {@code queue} as {@link #sleepOn} does,
     * telling the kernel's deadlock detector that it waits for
     * {@code resource} until the wait ends (woken, a signal, a timeout, its
     * exit). Returns what the handler must return: {@link SyscallHandler#RESTART}
     * after sleeping, or -{@link Errno#EDEADLK} without sleeping when the
     * detection policy {@code break} refuses the wait that would close a
     * deadlock. A wait with a timeout is not an edge (it ends by itself):
     * use {@link #sleepOnUntil} for it. Since 1.8.
     */
    default long waitFor(WaitQueue queue, WaitResource resource) {
        sleepOn(queue);
        return SyscallHandler.RESTART;
    }

    /** True when this invocation is the restart of a call that slept. */
    boolean woken();

    /**
     * Installs an open file description that a handler made (an eventfd, a
     * socket, a message queue, an epoll instance) at the caller's lowest
     * free descriptor, FD_CLOEXEC set when closeOnExec: the descriptor, or
     * -EMFILE when the caller's table is full, in which case the file has
     * been released. The kernel then counts the file's references (dup,
     * fork) and calls {@link OpenFile#release()} after the last close.
     * Since 1.8.
     */
    default long installFile(OpenFile file, boolean closeOnExec) {
        file.release();
        return -Errno.EMFILE;
    }

    /**
     * The open file description behind the caller's descriptor fd, or null
     * when fd is not open (the handler answers EBADF). Since 1.8.
     */
    default OpenFile file(long fd) {
        return null;
    }

    /**
     * As {@link #installFile(OpenFile, boolean)}, with the open flags the
     * new open file description starts with: its access mode
     * ({@link OpenFile#O_RDONLY}, O_WRONLY, O_RDWR) and status flags
     * ({@link OpenFile#O_NONBLOCK}, O_APPEND), which fcntl F_GETFL answers
     * and F_SETFL changes, and {@link OpenFile#O_CLOEXEC} for the
     * descriptor. Since 1.8.
     */
    default long installFile(OpenFile file, int openFlags) {
        return installFile(file, (openFlags & OpenFile.O_CLOEXEC) != 0);
    }

    /**
     * Whether the open file description the call reads or writes (the one
     * {@link #file(long)} last looked up, or the descriptor of read, write,
     * readv, writev) has O_NONBLOCK set: a file then answers -EAGAIN where
     * it would sleep. Since 1.8.
     */
    default boolean nonBlocking() {
        return false;
    }

    /**
     * A counted reference to the open file description behind the caller's
     * descriptor fd, held outside every descriptor table (a descriptor in
     * flight in an SCM_RIGHTS message), or null when fd is not open. The
     * description stays open until the handle is closed, and
     * {@link #installFile(FileHandle, boolean)} gives it out again as the
     * same description (shared offset and status flags). Since 1.8.
     */
    default FileHandle hold(long fd) {
        return null;
    }

    /**
     * Installs the open file description a handle holds at the caller's
     * lowest free descriptor (one more reference; the handle stays the
     * caller's to close): the descriptor, or -EMFILE. Since 1.8.
     */
    default long installFile(FileHandle handle, boolean closeOnExec) {
        return -Errno.EMFILE;
    }

    /**
     * Closes the caller's descriptor fd, as close(2) would (undoing a
     * descriptor a failing call had installed): 0, or -EBADF. Since 1.8.
     */
    default long closeFile(long fd) {
        return -Errno.EBADF;
    }

    /**
     * The signal mask argument of a call that waits (ppoll, pselect6,
     * epoll_pwait: sigmask, sigsetsize), as Linux's set_user_sigmask: none
     * when sigmask is 0; else -EINVAL unless sigsetsize is 8, -EFAULT when
     * it cannot be read. A readable mask replaces the blocked signals until
     * the call returns anything but RESTART, when the handler calls
     * {@link #restoreSigmask()} (a signal handler that interrupts the call
     * gets the old mask back when it returns). Returns 0 or the negative
     * errno. Since 1.8.
     */
    default long replaceSigmask(long sigmask, long sigsetsize) {
        return sigmask == 0 ? 0 : -Errno.EINVAL;
    }

    /** The waiting call returns: the mask {@link #replaceSigmask} replaced comes back. Since 1.8. */
    default void restoreSigmask() {
    }

    /**
     * Sends the caller SIGPIPE, as a write that answers EPIPE does (POSIX;
     * a socket's send without MSG_NOSIGNAL). Since 1.8.
     */
    default void raiseSigpipe() {
    }
}
