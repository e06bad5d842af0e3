package osbox.kernel.core.fs;

import osbox.api.kernel.SyscallContext;

/**
 * An open file whose transfers go to a device without a cache and sleep
 * until the device has done them (a block device file): pread64, pwrite64,
 * readv, writev, fsync and fdatasync hand it the whole call, which it
 * carries over the call's restarts, rather than a byte array to fill.
 */
public interface DirectIoFile extends NodeFile {
    /**
     * Reads into (or, when {@code write}, writes from) the user buffers
     * bases/lengths in order, at byte {@code position}, or at the file
     * offset (then moved by what was moved) when position is -1: the bytes
     * moved, a negative errno, or RESTART after sleeping.
     */
    long transfer(SyscallContext c, boolean write, long position, long[] bases, long[] lengths);

    /** fsync/fdatasync: 0 once what was written is on the medium, a negative errno, or RESTART after sleeping. */
    long fsync(SyscallContext c);
}
