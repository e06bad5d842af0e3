package osbox.kernel.core.fs;

/**
 * A file's attributes, as stat(2) reports them: the numbers Linux's
 * {@code struct kstat} holds. Times are data read from the file (the host
 * file's own times, 0 for synthetic files); nothing in the kernel decides
 * anything by them.
 *
 * @param dev    st_dev, encoded as glibc's makedev does
 * @param ino    st_ino
 * @param mode   st_mode: type and permission bits
 * @param nlink  st_nlink
 * @param uid    st_uid
 * @param gid    st_gid
 * @param rdev   st_rdev for devices (encoded as dev), else 0
 * @param size   st_size
 * @param blocks st_blocks, in 512-byte units
 */
public record Stat(long dev, long ino, int mode, long nlink, int uid, int gid, long rdev, long size, long blocks,
        long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec, long ctimeSec, long ctimeNsec) {
    /** st_mode's file-type field and its values (Linux's S_IFMT...). */
    public static final int S_IFMT = 0170000, S_IFIFO = 0010000, S_IFCHR = 0020000, S_IFDIR = 0040000,
            S_IFBLK = 0060000, S_IFREG = 0100000, S_IFLNK = 0120000, S_IFSOCK = 0140000;
    /** The block size stat reports (st_blksize). */
    public static final int BLOCK_SIZE = 4096;

    /** Attributes of a synthetic file (no times, owned by root). */
    public static Stat synthetic(long dev, long ino, int mode, long nlink, long rdev, long size) {
        return new Stat(dev, ino, mode, nlink, 0, 0, rdev, size, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The file type bits. */
    public int type() {
        return mode & S_IFMT;
    }

    public boolean isDirectory() {
        return type() == S_IFDIR;
    }

    public boolean isRegular() {
        return type() == S_IFREG;
    }

    public boolean isLink() {
        return type() == S_IFLNK;
    }

    /** glibc's makedev(major, minor). */
    public static long makedev(long major, long minor) {
        return (minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xffL) << 12) | ((major & ~0xfffL) << 32);
    }

    /** glibc's major(dev). */
    public static long major(long dev) {
        return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
    }

    /** glibc's minor(dev). */
    public static long minor(long dev) {
        return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
    }

    /** The directory-entry type (getdents64's d_type) for this mode: Linux's S_DT(mode). */
    public static int direntType(int mode) {
        return (mode & S_IFMT) >>> 12;
    }
}
