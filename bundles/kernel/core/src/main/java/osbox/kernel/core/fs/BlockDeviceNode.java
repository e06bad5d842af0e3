package osbox.kernel.core.fs;

import osbox.api.kernel.Errno;

/**
 * A disk's block special file, /dev/vda and on (Linux's virtio-blk names
 * and numbers: major 254, minor 16 per disk). Its size in stat is 0, as
 * Linux reports for block devices (BLKGETSIZE64 and lseek SEEK_END give the
 * disk's size). Opening it for writing when the disk is read-only is
 * EROFS, as Linux's blkdev_open.
 */
final class BlockDeviceNode extends SyntheticNode {
    private final String name;
    private final int device;
    private final long rdev;
    private final BlockDevices devices;

    /** The node of the block layer's device number {@code device}, called {@code name} in /dev. */
    BlockDeviceNode(SyntheticDir dev, String name, long ino, int device, BlockDevices devices) {
        super(dev, childPath(dev, name), ino);
        this.name = name;
        this.device = device;
        this.rdev = Stat.makedev(BlockDevices.MAJOR, (long) BlockDevices.MINORS_PER_DISK * device);
        this.devices = devices;
    }

    /** Its name in /dev. */
    String name() {
        return name;
    }

    @Override
    public Stat stat() {
        return Stat.synthetic(Namespace.SYNTHETIC_DEV, ino, Stat.S_IFBLK | 0660, 1, rdev, 0);
    }

    /** Opens the disk: EROFS for writing a read-only one, ENXIO when the block layer no longer has it. */
    @Override
    public Opened open(int flags, Caller c) {
        if (device >= devices.layer.devices().size()) {
            return Opened.error(Errno.ENXIO);
        }
        if (OpenFlags.writes(flags) && devices.layer.readOnly(device)) {
            return Opened.error(Errno.EROFS);
        }
        return Opened.of(new BlockDeviceFile(this, devices, device, flags));
    }

    /** st_rdev. */
    long rdev() {
        return rdev;
    }
}
