package osbox.kernel.core.fs;

import java.util.List;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;

/**
 * The program of a process started from outside (the launcher, the shell,
 * a test) given as bytes rather than found in the namespace: what
 * /proc/self/exe leads to for it, a read-only regular file outside every
 * directory (its parent is "/", and no directory lists it).
 */
final class ImageNode implements Node {
    private final Node root;
    private final String path;
    private final long ino;
    private final byte[] image;

    ImageNode(Node root, String path, long ino, byte[] image) {
        this.root = root;
        this.path = path;
        this.ino = ino;
        this.image = image;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Node parent() {
        return root;
    }

    @Override
    public Stat stat() {
        return Stat.synthetic(Namespace.SYNTHETIC_DEV, ino, Stat.S_IFREG | 0555, 1, 0, image.length);
    }

    @Override
    public Lookup lookup(String name, Caller c) {
        return Lookup.error(Errno.ENOTDIR);
    }

    @Override
    public List<DirEntry> list(Caller c) {
        return List.of();
    }

    @Override
    public Opened open(int flags, Caller c) {
        return Opened.of(new ImageFile());
    }

    @Override
    public String toString() {
        return path;
    }

    /** The image opened for reading, at its own offset. */
    private final class ImageFile implements NodeFile {
        private long offset;

        @Override
        public Node node() {
            return ImageNode.this;
        }

        @Override
        public long readAt(long pos, byte[] dst, int off, int len) {
            if (pos >= image.length) {
                return 0;
            }
            int n = (int) Math.min(len, image.length - pos);
            System.arraycopy(image, (int) pos, dst, off, n);
            return n;
        }

        @Override
        public long read(SyscallContext c, long buf, long len) {
            long n = NodeFile.readToUser(this, c, offset, buf, len);
            if (n > 0) {
                offset += n;
            }
            return n;
        }

        @Override
        public long write(SyscallContext c, long buf, long len) {
            return -Errno.EBADF;
        }

        @Override
        public long seek(SyscallContext c, long off, int whence) {
            return HostFile.seek(offset, image.length, off, whence, r -> offset = r);
        }

        @Override
        public int mode() {
            return Stat.S_IFREG | 0555;
        }

        @Override
        public long size() {
            return image.length;
        }

        @Override
        public String describe() {
            return path;
        }
    }
}
