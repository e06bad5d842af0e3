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
     * Reads up to len bytes into user memory at buf: bytes read, 0 at end of
     * file, a negative errno, or {@link SyscallHandler#RESTART} after putting
     * the caller to sleep with {@link SyscallContext#sleepOn}.
     */
    long read(SyscallContext c, long buf, long len);

    /** Writes up to len bytes from user memory at buf: bytes written, negative errno, or RESTART. */
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
