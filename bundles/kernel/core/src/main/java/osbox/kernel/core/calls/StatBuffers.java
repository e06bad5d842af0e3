package osbox.kernel.core.calls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import osbox.kernel.core.fs.Stat;

/** The riscv64 layouts of struct stat (fstat, newfstatat) and struct statx. */
final class StatBuffers {
    /** sizeof(struct stat) on riscv64 (asm-generic). */
    static final int STAT_SIZE = 128;
    /** sizeof(struct statx). */
    static final int STATX_SIZE = 256;
    /** statx's mask bits for what struct stat holds (STATX_BASIC_STATS). */
    static final int STATX_BASIC_STATS = 0x7ff;

    private StatBuffers() {
    }

    /** struct stat for s. */
    static byte[] stat(Stat s) {
        ByteBuffer b = ByteBuffer.allocate(STAT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, s.dev());
        b.putLong(8, s.ino());
        b.putInt(16, s.mode());
        b.putInt(20, (int) s.nlink());
        b.putInt(24, s.uid());
        b.putInt(28, s.gid());
        b.putLong(32, s.rdev());
        b.putLong(48, s.size());
        b.putInt(56, Stat.BLOCK_SIZE);
        b.putLong(64, s.blocks());
        b.putLong(72, s.atimeSec());
        b.putLong(80, s.atimeNsec());
        b.putLong(88, s.mtimeSec());
        b.putLong(96, s.mtimeNsec());
        b.putLong(104, s.ctimeSec());
        b.putLong(112, s.ctimeNsec());
        return b.array();
    }

    /** struct statx for s: the basic fields (no birth time), device numbers split into major and minor. */
    static byte[] statx(Stat s) {
        ByteBuffer b = ByteBuffer.allocate(STATX_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, STATX_BASIC_STATS);
        b.putInt(4, Stat.BLOCK_SIZE);
        b.putInt(16, (int) s.nlink());
        b.putInt(20, s.uid());
        b.putInt(24, s.gid());
        b.putShort(28, (short) s.mode());
        b.putLong(32, s.ino());
        b.putLong(40, s.size());
        b.putLong(48, s.blocks());
        timestamp(b, 64, s.atimeSec(), s.atimeNsec());
        timestamp(b, 96, s.ctimeSec(), s.ctimeNsec());
        timestamp(b, 112, s.mtimeSec(), s.mtimeNsec());
        b.putInt(128, (int) Stat.major(s.rdev()));
        b.putInt(132, (int) Stat.minor(s.rdev()));
        b.putInt(136, (int) Stat.major(s.dev()));
        b.putInt(140, (int) Stat.minor(s.dev()));
        return b.array();
    }

    // struct statx_timestamp: tv_sec (s64), tv_nsec (u32), reserved.
    private static void timestamp(ByteBuffer b, int at, long sec, long nsec) {
        b.putLong(at, sec);
        b.putInt(at + 8, (int) nsec);
    }
}
