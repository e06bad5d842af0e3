package osbox.kernel.core.fs;


/**
 * The program of a process started from outside (the launcher, the shell,
 * a test) given as bytes rather than found in the namespace: what
 * /proc/self/exe leads to for it, a read-only regular file outside every
 * directory (its parent is "/", and no directory lists it).
 */
final class ImageNode extends SyntheticNode {
    private final byte[] image;

    ImageNode(Node root, String path, long ino, byte[] image) {
        super(root, path, ino);
        this.image = image;
    }

    @Override
    public Stat stat() {
        return Stat.synthetic(Namespace.SYNTHETIC_DEV, ino, Stat.S_IFREG | 0555, 1, 0, image.length);
    }

    @Override
    public Opened open(int flags, Caller c) {
        return Opened.of(new ImageFile());
    }

    /** The image opened for reading, at its own offset. */
    private final class ImageFile extends OffsetFile {
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
        public int mode() {
            return Stat.S_IFREG | 0555;
        }

        @Override
        public long size() {
            return image.length;
        }

        @Override
        public String describe() {
            return path();
        }
    }
}
