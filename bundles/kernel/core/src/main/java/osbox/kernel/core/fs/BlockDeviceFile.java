package osbox.kernel.core.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitQueue;

/**
 * An open disk, /dev/vda and on: reads and writes at any byte offset and
 * length go to the block layer as block I/Os of whole sectors, through
 * kernel bounce frames, and the caller sleeps until they complete (no page
 * cache: every transfer reaches the device, as O_DIRECT would; Linux's
 * block-device page cache is issue 13's). Each thread's call in progress
 * is a {@link BlockTransfer}, found again when the call restarts. Reads
 * and O_SYNC/O_DSYNC writes are SYNC I/Os (O_SYNC writes also FUA); every
 * I/O carries the caller's pid, tid and I/O priority. A device error
 * answers EIO.
 */
final class BlockDeviceFile implements DirectIoFile {
    /** open(2)'s O_DSYNC bit, which O_SYNC includes (asm-generic). */
    static final int O_DSYNC = 010000;

    private final BlockDeviceNode node;
    private final BlockDevices devices;
    private final int device;
    private final int flags;
    private final WaitQueue queue;
    // each thread's call in progress, by tid (a thread has at most one system call at a time)
    private final Map<Integer, BlockTransfer> transfers = new TreeMap<>();
    private long offset;
    private boolean released;

    /** An open file of the block layer's disk {@code device}, opened with openat's {@code flags}. */
    BlockDeviceFile(BlockDeviceNode node, BlockDevices devices, int device, int flags) {
        this.node = node;
        this.devices = devices;
        this.device = device;
        this.flags = flags;
        this.queue = devices.newQueue(node.path());
    }

    /** The disk's size in bytes. */
    long sizeBytes() {
        return devices.layer.sectors(device) * BlockTransfer.SECTOR;
    }

    @Override
    public Node node() {
        return node;
    }

    /** A block device is read through {@link #transfer}, never synchronously: sendfile and the like get EINVAL. */
    @Override
    public long readAt(long pos, byte[] dst, int off, int len) {
        return -Errno.EINVAL;
    }

    @Override
    public long read(SyscallContext c, long buf, long len) {
        return transfer(c, false, -1, new long[] {buf}, new long[] {len});
    }

    @Override
    public long write(SyscallContext c, long buf, long len) {
        return transfer(c, true, -1, new long[] {buf}, new long[] {len});
    }

    /**
     * Reads or writes the user buffers at position (or the offset): EBADF
     * for the direction the file was not opened for; at or past the end a
     * read gives 0 and a write ENOSPC, and a transfer across the end is
     * cut at it (as Linux's block devices do).
     */
    @Override
    public long transfer(SyscallContext c, boolean write, long position, long[] bases, long[] lengths) {
        int access = flags & OpenFlags.O_ACCMODE;
        if (write ? access == OpenFlags.O_RDONLY : access == OpenFlags.O_WRONLY) {
            return -Errno.EBADF;
        }
        boolean atOffset = position < 0;
        long at = atOffset ? offset : position;
        IoOperation op = write ? IoOperation.WRITE : IoOperation.READ;
        int tid = c.process().tid();
        BlockTransfer t = transfers.get(tid);
        if (t != null && !t.matches(op, at, bases, lengths)) {
            // the thread left an earlier call (a signal): its frames are free once the device is done with them
            if (t.busy()) {
                return sleep(c);
            }
            end(tid, t);
            t = null;
        }
        if (t == null) {
            long size = sizeBytes();
            if (at >= size) {
                return write ? -Errno.ENOSPC : 0;
            }
            long want = 0;
            for (long len : lengths) {
                want += len;
            }
            long total = Math.min(want, size - at);
            if (total == 0) {
                return 0;
            }
            BounceBuffer bounce = BounceBuffer.take(devices.memory, devices.frames, total);
            if (bounce == null) {
                return -Errno.ENOMEM;
            }
            t = BlockTransfer.of(write, at, bases, lengths, total, bounce);
            transfers.put(tid, t);
        }
        long r = run(c, tid, t);
        if (atOffset && r >= 0 && r != SyscallHandler.RESTART) {
            offset = at + r;
        }
        return r;
    }

    /** fsync and fdatasync: a FLUSH of the disk's write cache, waited for. */
    @Override
    public long fsync(SyscallContext c) {
        int tid = c.process().tid();
        BlockTransfer t = transfers.get(tid);
        if (t != null && !t.matches(IoOperation.FLUSH, 0, new long[0], new long[0])) {
            if (t.busy()) {
                return sleep(c);
            }
            end(tid, t);
            t = null;
        }
        if (t == null) {
            t = BlockTransfer.flush();
            transfers.put(tid, t);
        }
        return run(c, tid, t);
    }

    // Steps t: RESTART after sleeping on the file's queue, or its result once done (its frames given back).
    private long run(SyscallContext c, int tid, BlockTransfer t) {
        BlockTransfer.Next next = t.step(c.memory(), devices.layer::submit, submitter(c), this::completed);
        if (next == BlockTransfer.Next.SLEEP) {
            return sleep(c);
        }
        end(tid, t);
        return t.result();
    }

    private long sleep(SyscallContext c) {
        c.sleepOn(queue);
        return SyscallHandler.RESTART;
    }

    // What the caller's I/Os carry: the device, SYNC|FUA for O_SYNC/O_DSYNC writes, pid, tid, I/O priority.
    private BlockTransfer.Submitter submitter(SyscallContext c) {
        int syncFlags = (flags & O_DSYNC) != 0 ? BlockIo.SYNC | BlockIo.FUA : 0;
        int ioPriority = c.process() instanceof Caller k ? k.ioPriority() : 0;
        return new BlockTransfer.Submitter(device, syncFlags, c.process().pid(), c.process().tid(), ioPriority);
    }

    private void end(int tid, BlockTransfer t) {
        transfers.remove(tid);
        if (t.bounce() != null) {
            t.bounce().free();
        }
    }

    // An I/O completed: its caller runs its call again; after the last close, the transfer's frames go back.
    private void completed() {
        if (released) {
            reap();
        } else {
            queue.wakeAll();
        }
    }

    // Ends every transfer whose I/O is not at the device any more.
    private void reap() {
        List<Integer> idle = new ArrayList<>();
        for (Map.Entry<Integer, BlockTransfer> e : transfers.entrySet()) {
            if (!e.getValue().busy()) {
                idle.add(e.getKey());
            }
        }
        for (int tid : idle) {
            end(tid, transfers.get(tid));
        }
    }

    /** lseek as Linux's fixed_size_llseek: SEEK_END from the disk's size, nothing before 0 or past the end. */
    @Override
    public long seek(SyscallContext c, long off, int whence) {
        long size = sizeBytes();
        long r;
        switch (whence) {
            case OffsetFile.SEEK_SET -> r = off;
            case OffsetFile.SEEK_CUR -> r = offset + off;
            case OffsetFile.SEEK_END -> r = size + off;
            case OffsetFile.SEEK_DATA -> {
                if (off >= size) {
                    return -Errno.ENXIO;
                }
                r = off;
            }
            case OffsetFile.SEEK_HOLE -> {
                if (off >= size) {
                    return -Errno.ENXIO;
                }
                r = size;
            }
            default -> {
                return -Errno.EINVAL;
            }
        }
        if (r < 0 || r > size) {
            return -Errno.EINVAL;
        }
        offset = r;
        return r;
    }

    @Override
    public long ioctl(SyscallContext c, long request, long arg) {
        return BlockIoctls.apply(c, request, arg, devices.layer.sectors(device), devices.layer.readOnly(device));
    }

    @Override
    public int mode() {
        return Stat.S_IFBLK | 0660;
    }

    @Override
    public long rdev() {
        return node.rdev();
    }

    @Override
    public void release() {
        released = true;
        reap();
    }

    @Override
    public String describe() {
        return node.path();
    }
}
