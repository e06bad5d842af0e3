package osbox.kernel.core.fs;

import java.util.function.Supplier;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;

/**
 * A character device of /dev: null, zero, full and urandom (served here)
 * and tty (the terminal new processes get, opened afresh). Its numbers are
 * Linux's (1,3 null; 1,5 zero; 1,7 full; 1,9 urandom; 5,0 tty).
 */
final class DeviceNode extends SyntheticNode {
    /** What a device does when read and written. */
    enum Kind { NULL, ZERO, FULL, URANDOM, TTY }

    private final Kind kind;
    private final long rdev;
    private final Supplier<OpenFile> terminal;
    private final java.util.SplittableRandom random;

    DeviceNode(SyntheticDir parent, String name, long ino, Kind kind, int major, int minor,
            Supplier<OpenFile> terminal, java.util.SplittableRandom random) {
        super(parent, childPath(parent, name), ino);
        this.kind = kind;
        this.rdev = Stat.makedev(major, minor);
        this.terminal = terminal;
        this.random = random;
    }

    @Override
    public Stat stat() {
        return Stat.synthetic(Namespace.SYNTHETIC_DEV, ino, Stat.S_IFCHR | 0666, 1, rdev, 0);
    }

    @Override
    public Opened open(int flags, Caller c) {
        if (kind == Kind.TTY) {
            OpenFile t = terminal.get();
            return t == null ? Opened.error(Errno.ENXIO) : Opened.of(t);
        }
        return Opened.of(new DeviceFile());
    }

    /** An open null, zero, full or urandom device. */
    private final class DeviceFile implements NodeFile {
        @Override
        public Node node() {
            return DeviceNode.this;
        }

        @Override
        public long readAt(long pos, byte[] dst, int off, int len) {
            switch (kind) {
                case NULL:
                    return 0;
                case URANDOM:
                    for (int i = 0; i < len; i++) {
                        dst[off + i] = (byte) random.nextInt(256);
                    }
                    return len;
                default:
                    java.util.Arrays.fill(dst, off, off + len, (byte) 0);
                    return len;
            }
        }

        @Override
        public long read(SyscallContext c, long buf, long len) {
            return NodeFile.readToUser(this, c, 0, buf, len);
        }

        @Override
        public long write(SyscallContext c, long buf, long len) {
            return kind == Kind.FULL ? -Errno.ENOSPC : len;
        }

        @Override
        public long seek(SyscallContext c, long offset, int whence) {
            return 0;
        }

        @Override
        public int mode() {
            return Stat.S_IFCHR | 0666;
        }

        @Override
        public long rdev() {
            return rdev;
        }

        @Override
        public String describe() {
            return path();
        }
    }
}
