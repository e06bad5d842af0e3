package osbox.kernel.tty;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A terminal's modes: Linux's struct termios as the riscv64 kernel's TCGETS
 * and TCSETS see it (asm-generic/termbits.h: four 32-bit flag words,
 * c_line, c_cc[19]; 36 bytes, little-endian, no speeds), with the flag and
 * control-character numbers of that header. A plain value holder: the
 * line discipline reads it, the ioctls copy it in and out.
 */
final class Termios {
    /** sizeof(struct termios) on riscv64. */
    static final int SIZE = 36;
    /** NCCS. */
    static final int NCCS = 19;

    // c_cc indices
    static final int VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6, VSTART = 8,
            VSTOP = 9, VSUSP = 10, VEOL = 11, VREPRINT = 12, VDISCARD = 13, VWERASE = 14, VLNEXT = 15, VEOL2 = 16;

    // c_iflag
    static final int ISTRIP = 0x020, INLCR = 0x040, IGNCR = 0x080, ICRNL = 0x100, IXON = 0x400, IUTF8 = 0x4000;
    // c_oflag
    static final int OPOST = 0x01, ONLCR = 0x04, OCRNL = 0x08, ONOCR = 0x10, ONLRET = 0x20;
    // c_cflag: B38400 | CS8 | CREAD, a pseudo-terminal's
    static final int CFLAG_PTY = 0x0f | 0x30 | 0x80;
    // c_lflag
    static final int ISIG = 0x001, ICANON = 0x002, ECHO = 0x008, ECHOE = 0x010, ECHOK = 0x020, ECHONL = 0x040,
            NOFLSH = 0x080, TOSTOP = 0x100, ECHOCTL = 0x200, ECHOKE = 0x800, IEXTEN = 0x8000;

    /** A disabled control character (_POSIX_VDISABLE). */
    static final int DISABLED = 0;

    int iflag;
    int oflag;
    int cflag;
    int lflag;
    int line;
    final byte[] cc = new byte[NCCS];

    /**
     * Linux's initial modes of a pseudo-terminal (tty_std_termios, pty
     * c_cflag): ICRNL IXON; OPOST ONLCR; B38400 CS8 CREAD; ISIG ICANON ECHO
     * ECHOE ECHOK ECHOCTL ECHOKE IEXTEN; INIT_C_CC (^C ^\ DEL ^U ^D, VTIME
     * 0, VMIN 1, ^Q ^S ^Z, ^R ^O ^W ^V).
     */
    static Termios linuxDefaults() {
        Termios t = new Termios();
        t.iflag = ICRNL | IXON;
        t.oflag = OPOST | ONLCR;
        t.cflag = CFLAG_PTY;
        t.lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
        byte[] init = {3, 034, 0177, 025, 4, 0, 1, 0, 021, 023, 032, 0, 022, 017, 027, 026, 0, 0, 0};
        System.arraycopy(init, 0, t.cc, 0, NCCS);
        return t;
    }

    /** The struct's 36 bytes, as TCGETS copies them out. */
    byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(iflag).putInt(oflag).putInt(cflag).putInt(lflag).put((byte) line).put(cc);
        return b.array();
    }

    /** Takes every field from the struct's bytes (TCSETS); the caller gives at least {@link #SIZE}. */
    void setFrom(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        iflag = b.getInt();
        oflag = b.getInt();
        cflag = b.getInt();
        lflag = b.getInt();
        line = b.get() & 0xff;
        b.get(cc);
    }

    boolean iflag(int bit) {
        return (iflag & bit) != 0;
    }

    boolean oflag(int bit) {
        return (oflag & bit) != 0;
    }

    boolean lflag(int bit) {
        return (lflag & bit) != 0;
    }

    /** Control character i (0..255). */
    int cc(int i) {
        return cc[i] & 0xff;
    }

    /** Whether byte c is control character i, and i is enabled. */
    boolean is(int c, int i) {
        int v = cc(i);
        return v != DISABLED && v == c;
    }
}
