package osbox.kernel.core.fs;

import java.util.Map;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;

/**
 * The ioctl requests of a block device file, with Linux's numbers and
 * answers (include/uapi/linux/fs.h): sizes, sector and block sizes, the
 * read-only flag, and BLKFLSBUF (nothing to flush: there is no cache).
 * Every other request answers ENOTTY.
 */
final class BlockIoctls {
    static final long BLKROGET = 0x125e, BLKGETSIZE = 0x1260, BLKFLSBUF = 0x1261, BLKSSZGET = 0x1268,
            BLKPBSZGET = 0x127b, BLKBSZGET = 0x80081270L, BLKGETSIZE64 = 0x80081272L;

    /** One request: the answer, after writing its result at arg. */
    private interface Request {
        long apply(SyscallContext c, long arg, long sectors, boolean readOnly);
    }

    private static final Map<Long, Request> REQUESTS = Map.of(
            BLKGETSIZE64, (c, arg, sectors, ro) -> putLong(c, arg, sectors * BlockTransfer.SECTOR),
            BLKGETSIZE, (c, arg, sectors, ro) -> putLong(c, arg, sectors),
            BLKSSZGET, (c, arg, sectors, ro) -> putInt(c, arg, BlockTransfer.SECTOR),
            BLKPBSZGET, (c, arg, sectors, ro) -> putInt(c, arg, BlockTransfer.SECTOR),
            BLKBSZGET, (c, arg, sectors, ro) -> putInt(c, arg, blockSize(sectors)),
            BLKROGET, (c, arg, sectors, ro) -> putInt(c, arg, ro ? 1 : 0),
            BLKFLSBUF, (c, arg, sectors, ro) -> 0);

    private BlockIoctls() {
    }

    /** Answers request for a disk of {@code sectors} sectors: 0, -EFAULT (bad arg) or -ENOTTY. */
    static long apply(SyscallContext c, long request, long arg, long sectors, boolean readOnly) {
        // the command is an unsigned int in the kernel: a sign-extended one names the same request
        Request r = REQUESTS.get(request & 0xffff_ffffL);
        return r == null ? -Errno.ENOTTY : r.apply(c, arg, sectors, readOnly);
    }

    // Linux's initial block size of a disk (set_init_blocksize): the largest power of two up to a page
    // dividing its size, at least a sector.
    static int blockSize(long sectors) {
        long bytes = sectors * BlockTransfer.SECTOR;
        int size = 4096;
        while (size > BlockTransfer.SECTOR && bytes % size != 0) {
            size >>= 1;
        }
        return size;
    }

    private static long putLong(SyscallContext c, long arg, long value) {
        return c.memory().writeLong(arg, value) ? 0 : -Errno.EFAULT;
    }

    private static long putInt(SyscallContext c, long arg, int value) {
        return c.memory().writeInt(arg, value) ? 0 : -Errno.EFAULT;
    }
}
