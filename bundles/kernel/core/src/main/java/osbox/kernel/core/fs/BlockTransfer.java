package osbox.kernel.core.fs;

import java.util.Arrays;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;
import osbox.api.kernel.Errno;
import osbox.api.kernel.UserMemory;

/**
 * One read, write or flush of a block device file by one thread, carried
 * over the restarts of its system call: the call submits a chunk's block
 * I/O and sleeps; when the I/O completes the call runs again, finds this
 * transfer (the same thread, the same arguments) and goes on from where it
 * stopped. A chunk covers whole sectors through a {@link BounceBuffer}; a
 * write that starts or ends inside a sector first reads the chunk's sectors
 * (read-modify-write). Simulation thread only.
 */
final class BlockTransfer {
    /** Bytes per sector, the block layer's unit. */
    static final int SECTOR = 512;

    /** What a step of the transfer asks of its caller. */
    enum Next { SLEEP, DONE }

    /** The block I/O in flight (or completed, not yet taken in). */
    private static final class Chunk {
        final long sector;
        final int count;
        final int skew;
        final int bytes;
        final boolean modifyRead;
        boolean completed;
        int errno;

        Chunk(long sector, int count, int skew, int bytes, boolean modifyRead) {
            this.sector = sector;
            this.count = count;
            this.skew = skew;
            this.bytes = bytes;
            this.modifyRead = modifyRead;
        }
    }

    /** What each I/O carries besides its sectors: device, flags, who submits it. */
    record Submitter(int device, int syncFlags, int pid, int tid, int ioPriority) {
    }

    private final IoOperation op;
    private final long position;
    private final long[] bases;
    private final long[] lengths;
    private final long total;
    private final BounceBuffer bounce;
    private long done;
    private Chunk chunk;
    private long result;

    private BlockTransfer(IoOperation op, long position, long[] bases, long[] lengths, long total,
            BounceBuffer bounce) {
        this.op = op;
        this.position = position;
        this.bases = bases;
        this.lengths = lengths;
        this.total = total;
        this.bounce = bounce;
    }

    /**
     * A read or write of {@code total} bytes (the caller clipped it to the
     * disk) at byte {@code position}, to or from the user buffers
     * bases/lengths (iovec order), through {@code bounce}.
     */
    static BlockTransfer of(boolean write, long position, long[] bases, long[] lengths, long total,
            BounceBuffer bounce) {
        return new BlockTransfer(write ? IoOperation.WRITE : IoOperation.READ, position, bases.clone(),
                lengths.clone(), total, bounce);
    }

    /** A cache flush (fsync): no data. */
    static BlockTransfer flush() {
        return new BlockTransfer(IoOperation.FLUSH, 0, new long[0], new long[0], 0, null);
    }

    /** Whether this is the transfer of a call with these arguments (its restart). */
    boolean matches(IoOperation operation, long pos, long[] b, long[] l) {
        return op == operation && position == pos && Arrays.equals(bases, b) && Arrays.equals(lengths, l);
    }

    /** Whether an I/O of it is still at the device (its bounce frames are in use). */
    boolean busy() {
        return chunk != null && !chunk.completed;
    }

    /** The call's answer once {@link #step} said DONE: bytes moved (0 for a flush) or a negative errno. */
    long result() {
        return result;
    }

    /** Its bounce buffer, given back by the file when the transfer ends (null for a flush). */
    BounceBuffer bounce() {
        return bounce;
    }

    /**
     * Goes on: takes in a completed chunk (copying a read's bytes to the
     * user), then submits the next one through {@code submit} (SLEEP: the
     * caller sleeps until {@code wake} runs) or, when all is moved or an
     * error stops it, DONE with {@link #result()}.
     */
    Next step(UserMemory user, java.util.function.ToIntFunction<BlockIo> submit, Submitter who, Runnable wake) {
        while (true) {
            if (chunk != null) {
                if (!chunk.completed) {
                    return Next.SLEEP;
                }
                Chunk c = chunk;
                chunk = null;
                if (c.errno != 0) {
                    return finish(done > 0 ? done : -c.errno);
                }
                if (op == IoOperation.FLUSH) {
                    return finish(0);
                }
                if (c.modifyRead) {
                    // the old sectors are in the buffer: lay the user's bytes over them and write them back
                    if (!copyFromUser(user, c)) {
                        return finish(done > 0 ? done : -Errno.EFAULT);
                    }
                    chunk = new Chunk(c.sector, c.count, c.skew, c.bytes, false);
                } else {
                    if (op == IoOperation.READ && !copyToUser(user, c)) {
                        return finish(done > 0 ? done : -Errno.EFAULT);
                    }
                    done += c.bytes;
                    if (done == total) {
                        return finish(total);
                    }
                    chunk = nextChunk();
                    if (op == IoOperation.WRITE && !chunk.modifyRead && !copyFromUser(user, chunk)) {
                        chunk = null;
                        return finish(done > 0 ? done : -Errno.EFAULT);
                    }
                }
            } else {
                if (op == IoOperation.FLUSH) {
                    chunk = new Chunk(0, 0, 0, 0, false);
                } else if (total == 0) {
                    return finish(0);
                } else {
                    chunk = nextChunk();
                    if (op == IoOperation.WRITE && !chunk.modifyRead && !copyFromUser(user, chunk)) {
                        chunk = null;
                        return finish(-Errno.EFAULT);
                    }
                }
            }
            int r = submit.applyAsInt(io(chunk, who, wake));
            if (r < 0) {
                chunk = null;
                return finish(done > 0 ? done : r);
            }
            if (!chunk.completed) {
                return Next.SLEEP;
            }
        }
    }

    private Next finish(long r) {
        result = r;
        return Next.DONE;
    }

    // The next chunk from byte done on: whole sectors, as many bytes as the bounce buffer holds.
    private Chunk nextChunk() {
        long start = position + done;
        long sector = start / SECTOR;
        int skew = (int) (start % SECTOR);
        int bytes = (int) Math.min(total - done, bounce.capacity() - skew);
        long end = start + bytes;
        int count = (int) ((end + SECTOR - 1) / SECTOR - sector);
        boolean partial = skew != 0 || end % SECTOR != 0;
        return new Chunk(sector, count, skew, bytes, op == IoOperation.WRITE && partial);
    }

    // The block I/O of a chunk: a read for a read or a read-modify-write's first half, else a write (or flush).
    private BlockIo io(Chunk c, Submitter who, Runnable wake) {
        IoOperation o = c.modifyRead ? IoOperation.READ : op;
        BlockIo.Completion completion = (io, errno) -> {
            c.completed = true;
            c.errno = errno;
            wake.run();
        };
        if (o == IoOperation.FLUSH) {
            return new BlockIo(who.device(), o, 0, 0, new long[0], new int[0], BlockIo.SYNC, who.pid(), who.tid(),
                    who.ioPriority(), completion);
        }
        int flags = o == IoOperation.READ ? BlockIo.SYNC : who.syncFlags();
        int bytes = c.count * SECTOR;
        return new BlockIo(who.device(), o, c.sector, c.count, bounce.segmentAddresses(bytes),
                bounce.segmentLengths(bytes), flags, who.pid(), who.tid(), who.ioPriority(), completion);
    }

    // A read chunk's bytes, from the bounce buffer to the user's buffers.
    private boolean copyToUser(UserMemory user, Chunk c) {
        byte[] data = new byte[c.bytes];
        bounce.read(c.skew, data, 0, c.bytes);
        return walkUser(c, (addr, off, len) -> user.write(addr, data, off, len));
    }

    // A write chunk's bytes, from the user's buffers into the bounce buffer.
    private boolean copyFromUser(UserMemory user, Chunk c) {
        byte[] data = new byte[c.bytes];
        if (!walkUser(c, (addr, off, len) -> user.read(addr, data, off, len))) {
            return false;
        }
        bounce.write(c.skew, data, 0, c.bytes);
        return true;
    }

    /** A copy of part of a chunk to or from one user buffer. */
    private interface UserCopy {
        boolean copy(long addr, int off, int len);
    }

    // Applies copy to the pieces of the user buffers the chunk's bytes [done, done + bytes) fall in.
    private boolean walkUser(Chunk c, UserCopy copy) {
        long skip = done;
        int off = 0;
        for (int i = 0; i < bases.length && off < c.bytes; i++) {
            if (skip >= lengths[i]) {
                skip -= lengths[i];
                continue;
            }
            int n = (int) Math.min(lengths[i] - skip, c.bytes - off);
            if (!copy.copy(bases[i] + skip, off, n)) {
                return false;
            }
            off += n;
            skip = 0;
        }
        return true;
    }
}
