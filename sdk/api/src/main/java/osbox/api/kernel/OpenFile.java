package osbox.api.kernel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An open file description (Linux's struct file): what descriptors refer
 * to. dup and fork share one OpenFile between descriptors; the kernel counts
 * references and calls {@link #release()} when the last one is closed.
 * Implemented by drivers (the console) and by the kernel (pipes).
 * Simulation thread only.
 */
@ConsumerType
public interface OpenFile {
    /** st_mode file-type bits. */
    int S_IFIFO = 0010000, S_IFCHR = 0020000, S_IFDIR = 0040000, S_IFREG = 0100000;

    /** poll(2) event bits (Linux's values), what {@link #poll} answers. */
    int POLLIN = 0x1, POLLPRI = 0x2, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20,
            POLLRDNORM = 0x40, POLLWRNORM = 0x100;

    /**
     * open(2) flags an open file description keeps (Linux's asm-generic
     * values): the access mode and the status flags fcntl F_GETFL answers
     * and F_SETFL changes (O_APPEND, O_NONBLOCK), and O_CLOEXEC, which goes
     * to the descriptor. Since 1.8.
     */
    int O_ACCMODE = 03, O_RDONLY = 0, O_WRONLY = 01, O_RDWR = 02, O_APPEND = 02000, O_NONBLOCK = 04000,
            O_LARGEFILE = 0100000, O_CLOEXEC = 02000000;

    /**
     * Reads up to len bytes into user memory at buf: bytes read, 0 at end of
     * file, a negative errno, or {@link SyscallHandler#RESTART} after putting
     * the caller to sleep with {@link SyscallContext#sleepOn}. Where it would
     * sleep, a file answers -EAGAIN instead when
     * {@link SyscallContext#nonBlocking()} (O_NONBLOCK).
     */
    long read(SyscallContext c, long buf, long len);

    /**
     * Writes up to len bytes from user memory at buf: bytes written, negative
     * errno, or RESTART (-EAGAIN instead when {@link SyscallContext#nonBlocking()}).
     */
    long write(SyscallContext c, long buf, long len);

    /** lseek; -ESPIPE for streams. */
    default long seek(SyscallContext c, long offset, int whence) {
        return -Errno.ESPIPE;
    }

    /** ioctl; -ENOTTY unless the file knows the request. */
    default long ioctl(SyscallContext c, long request, long arg) {
        return -Errno.ENOTTY;
    }

    /** st_mode: file type and permission bits. */
    int mode();

    /** st_rdev for devices, else 0. */
    default long rdev() {
        return 0;
    }

    /** st_size, 0 for streams. */
    default long size() {
        return 0;
    }

    /**
     * Readiness now, as poll(2) event bits: POLLIN (a read would not
     * sleep), POLLOUT (a write would not sleep), POLLHUP, POLLERR. When
     * {@code waitOn} is not null, the file hands it each queue it wakes when
     * its readiness may change (Linux's poll_wait), so a poller can sleep
     * until then. The default, for files that never block (regular files),
     * is always ready for both and never changes (Linux's DEFAULT_POLLMASK).
     */
    default int poll(java.util.function.Consumer<WaitQueue> waitOn) {
        return POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM;
    }

    /** The last descriptor referring to this file was closed. */
    default void release() {
    }

    /** A short description for listings ("console", "pipe:[3] read end"). */
    String describe();
}
