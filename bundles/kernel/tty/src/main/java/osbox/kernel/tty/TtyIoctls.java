package osbox.kernel.tty;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;

/**
 * The terminal's ioctl requests, by their Linux riscv64 numbers
 * (asm-generic/ioctls.h), each answered as Linux's tty_ioctl and
 * n_tty_ioctl do: the same errno for the same case. Any other request
 * answers ENOTTY. A table, not a chain of ifs.
 */
final class TtyIoctls {
    static final int TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TCSBRK = 0x5409,
            TCXONC = 0x540A, TCFLSH = 0x540B, TIOCSCTTY = 0x540E, TIOCGPGRP = 0x540F, TIOCSPGRP = 0x5410,
            TIOCOUTQ = 0x5411, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541B, TIOCNOTTY = 0x5422,
            TIOCGETD = 0x5424, TCSBRKP = 0x5425, TIOCGSID = 0x5429;
    /** sizeof(struct winsize). */
    static final int WINSIZE = 8;

    /** One request: the terminal, the call (caller, memory), the argument; a result or negative errno. */
    @FunctionalInterface
    interface Request {
        long run(Tty tty, SyscallContext c, long arg);
    }

    private static final Map<Integer, Request> TABLE = table();

    private TtyIoctls() {
    }

    private static Map<Integer, Request> table() {
        Map<Integer, Request> t = new TreeMap<>();
        t.put(TCGETS, (tty, c, arg) -> put(c, arg, tty.modes.toBytes()));
        t.put(TCSETS, (tty, c, arg) -> setModes(tty, c, arg, false));
        t.put(TCSETSW, (tty, c, arg) -> setModes(tty, c, arg, false));     // output is never pending
        t.put(TCSETSF, (tty, c, arg) -> setModes(tty, c, arg, true));
        t.put(TCSBRK, (tty, c, arg) -> tty.checkJobControl(c, Tty.SIGTTOU));   // tcdrain: nothing pending
        t.put(TCSBRKP, (tty, c, arg) -> tty.checkJobControl(c, Tty.SIGTTOU));
        t.put(TCXONC, TtyIoctls::flowControl);
        t.put(TCFLSH, TtyIoctls::flush);
        t.put(TIOCSCTTY, TtyIoctls::setControllingTerminal);
        t.put(TIOCGPGRP, (tty, c, arg) -> tty.controls(c.process()) ? putInt(c, arg, tty.foreground()) : -Errno.ENOTTY);
        t.put(TIOCSPGRP, TtyIoctls::setForeground);
        t.put(TIOCOUTQ, (tty, c, arg) -> putInt(c, arg, 0));
        t.put(TIOCGWINSZ, (tty, c, arg) -> put(c, arg, windowBytes(tty.window())));
        t.put(TIOCSWINSZ, TtyIoctls::setWindow);
        t.put(FIONREAD, (tty, c, arg) -> putInt(c, arg, tty.available()));
        t.put(TIOCNOTTY, TtyIoctls::noControllingTerminal);
        t.put(TIOCGETD, (tty, c, arg) -> putInt(c, arg, 0));             // N_TTY
        t.put(TIOCGSID, (tty, c, arg) -> tty.controls(c.process()) ? putInt(c, arg, tty.session()) : -Errno.ENOTTY);
        return Map.copyOf(t);
    }

    /** Runs request on tty for c: its answer, or -ENOTTY for a request a terminal does not know. */
    static long run(Tty tty, SyscallContext c, long request, long arg) {
        Request r = request == (int) request ? TABLE.get((int) request) : null;
        return r == null ? -Errno.ENOTTY : r.run(tty, c, arg);
    }

    // TCSETS, TCSETSW, TCSETSF: job control, then the struct (EFAULT), then the flush, then the modes.
    private static long setModes(Tty tty, SyscallContext c, long arg, boolean flushInput) {
        long check = tty.checkJobControl(c, Tty.SIGTTOU);
        if (check != 0) {
            return check;
        }
        byte[] b = new byte[Termios.SIZE];
        if (!c.memory().read(arg, b, 0, b.length)) {
            return -Errno.EFAULT;
        }
        if (flushInput) {
            tty.discipline.flushInput();
        }
        boolean wasCanonical = tty.modes.lflag(Termios.ICANON);
        tty.modes.setFrom(b);
        tty.modesChanged(wasCanonical);
        return 0;
    }

    // TCXONC: TCOOFF, TCOON, TCIOFF, TCION are accepted (output never stops); others EINVAL.
    private static long flowControl(Tty tty, SyscallContext c, long arg) {
        long check = tty.checkJobControl(c, Tty.SIGTTOU);
        if (check != 0) {
            return check;
        }
        return arg >= 0 && arg <= 3 ? 0 : -Errno.EINVAL;
    }

    // TCFLSH: TCIFLUSH and TCIOFLUSH discard typed input; TCOFLUSH has nothing to discard; others EINVAL.
    private static long flush(Tty tty, SyscallContext c, long arg) {
        long check = tty.checkJobControl(c, Tty.SIGTTOU);
        if (check != 0) {
            return check;
        }
        if (arg == 0 || arg == 2) {
            tty.discipline.flushInput();
            return 0;
        }
        return arg == 1 ? 0 : -Errno.EINVAL;
    }

    /**
     * TIOCSCTTY (Linux's tiocsctty): 0 when it is already the caller's;
     * EPERM unless the caller leads its session; a terminal another session
     * controls is taken over only with arg 1 (every osbox process is root,
     * so CAP_SYS_ADMIN holds), else EPERM. The caller's group becomes the
     * foreground group.
     */
    private static long setControllingTerminal(Tty tty, SyscallContext c, long arg) {
        ProcessView p = c.process();
        boolean leader = p.pid() == p.sid();
        if (leader && tty.controls(p)) {
            return 0;
        }
        if (!leader) {
            return -Errno.EPERM;
        }
        if (tty.session() != Tty.NO_SESSION && arg != 1) {
            return -Errno.EPERM;
        }
        tty.attach(p.sid(), p.pgid());
        return 0;
    }

    /**
     * TIOCSPGRP (Linux's tiocspgrp): job control (its EIO answered as
     * ENOTTY), the group (EFAULT), EINVAL when negative, ENOTTY unless this
     * is the caller's controlling terminal, ESRCH for a group with no
     * process, EPERM for a group of another session.
     */
    private static long setForeground(Tty tty, SyscallContext c, long arg) {
        long check = tty.checkJobControl(c, Tty.SIGTTOU);
        if (check == -Errno.EIO) {
            return -Errno.ENOTTY;
        }
        if (check != 0) {
            return check;
        }
        byte[] b = new byte[4];
        if (!c.memory().read(arg, b, 0, 4)) {
            return -Errno.EFAULT;
        }
        int pgid = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (pgid < 0) {
            return -Errno.EINVAL;
        }
        ProcessView p = c.process();
        if (!tty.controls(p)) {
            return -Errno.ENOTTY;
        }
        if (!tty.groupInSession(pgid, tty.session())) {
            return tty.groupExists(pgid) ? -Errno.EPERM : -Errno.ESRCH;
        }
        tty.setForeground(pgid);
        return 0;
    }

    // TIOCSWINSZ: the new size (EFAULT); SIGWINCH to the foreground group when it changed.
    private static long setWindow(Tty tty, SyscallContext c, long arg) {
        byte[] b = new byte[WINSIZE];
        if (!c.memory().read(arg, b, 0, WINSIZE)) {
            return -Errno.EFAULT;
        }
        ByteBuffer w = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        tty.resize(new int[] {w.getShort() & 0xffff, w.getShort() & 0xffff, w.getShort() & 0xffff,
            w.getShort() & 0xffff});
        return 0;
    }

    /**
     * TIOCNOTTY: ENOTTY unless this is the caller's controlling terminal; a
     * session leader gives it up (SIGHUP and SIGCONT to the foreground
     * group). Another process would lose only its own link to it, which
     * osbox does not keep per process: it keeps the terminal.
     */
    private static long noControllingTerminal(Tty tty, SyscallContext c, long arg) {
        ProcessView p = c.process();
        if (!tty.controls(p)) {
            return -Errno.ENOTTY;
        }
        if (p.pid() == p.sid()) {
            tty.detach(true);
        }
        return 0;
    }

    /** struct winsize's bytes for {rows, columns, xpixel, ypixel}. */
    static byte[] windowBytes(int[] w) {
        ByteBuffer b = ByteBuffer.allocate(WINSIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : w) {
            b.putShort((short) v);
        }
        return b.array();
    }

    private static long putInt(SyscallContext c, long arg, int value) {
        return put(c, arg, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    // Copies bytes out to arg: 0, or EFAULT.
    private static long put(SyscallContext c, long arg, byte[] bytes) {
        return c.memory().write(arg, bytes, 0, bytes.length) ? 0 : -Errno.EFAULT;
    }
}
