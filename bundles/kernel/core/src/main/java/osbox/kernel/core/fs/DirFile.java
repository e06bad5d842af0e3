package osbox.kernel.core.fs;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;

/**
 * An open directory: getdents64 reads its entries ("." and ".." first, then
 * the rest sorted by name, so runs repeat) from a listing taken when
 * reading starts at position 0; the position is the index of the next
 * entry (lseek to 0 rewinds and lists afresh). read answers EISDIR
 * ({@link NodeOnlyFile}).
 */
public final class DirFile extends NodeOnlyFile {
    /** struct linux_dirent64's fixed part: d_ino, d_off, d_reclen, d_type. */
    static final int DIRENT_HEADER = 19;

    private List<DirEntry> entries;
    private long position;

    DirFile(Node node) {
        super(node, Errno.EISDIR, Stat.S_IFDIR);
    }

    // The entries, "." and ".." first.
    private List<DirEntry> entries(Caller caller) {
        if (entries == null || position == 0) {
            List<DirEntry> all = new ArrayList<>();
            Stat self = node().stat();
            Stat up = node().parent().stat();
            all.add(new DirEntry(".", self == null ? 0 : self.ino(), Stat.direntType(Stat.S_IFDIR)));
            all.add(new DirEntry("..", up == null ? 0 : up.ino(), Stat.direntType(Stat.S_IFDIR)));
            all.addAll(node().list(caller));
            entries = all;
        }
        return entries;
    }

    /**
     * getdents64: fills up to len bytes at buf with linux_dirent64 records
     * from the current position: the bytes filled, 0 at the end, EINVAL
     * when even the next record does not fit, EFAULT for a bad buffer.
     */
    public long getdents(SyscallContext c, Caller caller, long buf, long len) {
        List<DirEntry> all = entries(caller);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long next = position;
        while (next < all.size()) {
            DirEntry e = all.get((int) next);
            byte[] name = e.name().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int reclen = (DIRENT_HEADER + name.length + 1 + 7) & ~7;
            if (out.size() + reclen > len) {
                break;
            }
            java.nio.ByteBuffer r = java.nio.ByteBuffer.allocate(reclen).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            r.putLong(e.ino()).putLong(next + 1).putShort((short) reclen).put((byte) e.type()).put(name);
            out.write(r.array(), 0, reclen);
            next++;
        }
        if (out.size() == 0) {
            return next < all.size() ? -Errno.EINVAL : 0;
        }
        if (!c.memory().write(buf, out.toByteArray(), 0, out.size())) {
            return -Errno.EFAULT;
        }
        position = next;
        return out.size();
    }

    @Override
    public long seek(SyscallContext c, long off, int whence) {
        if (whence == OffsetFile.SEEK_SET && off >= 0) {
            position = off;
            return off;
        }
        if (whence == OffsetFile.SEEK_CUR && off == 0) {
            return position;
        }
        return -Errno.EINVAL;
    }

    @Override
    public String describe() {
        return node().path();
    }
}
