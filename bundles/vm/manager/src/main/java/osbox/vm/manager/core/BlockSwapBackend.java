package osbox.vm.manager.core;

import osbox.api.io.BlockIo;
import osbox.api.io.BlockLayer;
import osbox.api.io.IoOperation;

/**
 * Swap on a disk: each page transfer is one {@link BlockIo} of 8 sectors
 * (slot s at sector 8s) whose one segment is the frame's physical address,
 * submitted by the kernel (pid 0); page-ins are SYNC (a thread waits for
 * them), page-outs are not. The block layer queues, merges and schedules
 * them with everyone else's I/O, and the device's DMA moves the bytes.
 */
public final class BlockSwapBackend implements SwapBackend {
    static final int SECTORS_PER_PAGE = SwapArea.PAGE / 512;

    private final BlockLayer layer;
    private final int device;
    private final String name;

    /** Swap on device {@code name} of {@code layer}; IllegalArgumentException when it has no such device. */
    public BlockSwapBackend(BlockLayer layer, String name) {
        this.layer = layer;
        this.name = name;
        this.device = layer.device(name);
        if (device < 0) {
            throw new IllegalArgumentException("no disk named " + name + " (disks: " + layer.devices() + ")");
        }
        if (layer.readOnly(device)) {
            throw new IllegalArgumentException("disk " + name + " is read-only: it cannot hold swap");
        }
    }

    @Override
    public long slots() {
        return layer.sectors(device) / SECTORS_PER_PAGE;
    }

    @Override
    public void write(long slot, long ppn, Done done) {
        submit(IoOperation.WRITE, slot, ppn, 0, done);
    }

    @Override
    public void read(long slot, long ppn, Done done) {
        submit(IoOperation.READ, slot, ppn, BlockIo.SYNC, done);
    }

    @Override
    public String name() {
        return name;
    }

    // One page's I/O; a refused submission (past the end: cannot happen for a slot of this device) throws.
    private void submit(IoOperation op, long slot, long ppn, int flags, Done done) {
        BlockIo io = new BlockIo(device, op, slot * SECTORS_PER_PAGE, SECTORS_PER_PAGE, new long[] {ppn << 12},
                new int[] {SwapArea.PAGE}, flags, 0, 0, 0, (b, errno) -> done.completed(errno));
        int r = layer.submit(io);
        if (r != 0) {
            throw new IllegalStateException("swap " + op + " of slot " + slot + " on " + name + " refused: errno "
                    + -r);
        }
    }
}
