package osbox.kernel.core.fs;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import osbox.api.hw.PhysicalMemory;
import osbox.api.io.BlockLayer;
import osbox.api.kernel.WaitQueue;

/**
 * The block device files of /dev (vda, vdb, ...): one per disk the block
 * layer service has, while it is bound. What their open files need of the
 * kernel comes with it: guest physical memory (the bounce frames' bytes),
 * the kernel frames themselves, and wait queues to sleep on until an I/O
 * completes. Simulation thread only.
 */
public final class BlockDevices {
    /** Linux's major number of virtio-blk disks; minors go 16 per disk (room for 15 partitions). */
    static final int MAJOR = 254, MINORS_PER_DISK = 16;
    /** Inode numbers of the device nodes start here (above every other synthetic file's). */
    private static final long FIRST_INO = 1 << 20;

    /** Where kernel frames come from (the VM manager's pool). */
    public interface Frames {
        /** A zeroed frame's physical page number, or -1 when none is left. */
        long allocate();

        /** Gives back a frame {@link #allocate} returned. */
        void free(long ppn);
    }

    final BlockLayer layer;
    final PhysicalMemory memory;
    final Frames frames;
    private final Function<String, WaitQueue> queues;
    private final Map<Integer, BlockDeviceNode> nodes = new TreeMap<>();

    /**
     * The device files of {@code layer}, moving data through {@code memory}
     * in frames from {@code frames}, sleeping on queues {@code queues} makes.
     */
    public BlockDevices(BlockLayer layer, PhysicalMemory memory, Frames frames, Function<String, WaitQueue> queues) {
        this.layer = layer;
        this.memory = memory;
        this.frames = frames;
        this.queues = queues;
    }

    /** The block layer they drive. */
    public BlockLayer layer() {
        return layer;
    }

    /** A new wait queue for an open device file. */
    WaitQueue newQueue(String name) {
        return queues.apply(name);
    }

    /**
     * The device nodes by name, for /dev: the block layer's devices now (a
     * disk attached later appears then), each node made once so its inode
     * number stays.
     */
    Map<String, Node> nodes(SyntheticDir dev) {
        Map<String, Node> out = new TreeMap<>();
        java.util.List<String> names = layer.devices();
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index);
            if (name == null || name.isEmpty() || name.contains("/")) {
                continue;
            }
            BlockDeviceNode n = nodes.get(index);
            if (n == null || !n.name().equals(name)) {
                n = new BlockDeviceNode(dev, name, FIRST_INO + index, index, this);
                nodes.put(index, n);
            }
            out.put(name, n);
        }
        return out;
    }
}
