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

    /** The last descriptor referring to this file was closed. */
    default void release() {
    }

    /** A short description for listings ("console", "pipe:[3] read end"). */
    String describe();
}
