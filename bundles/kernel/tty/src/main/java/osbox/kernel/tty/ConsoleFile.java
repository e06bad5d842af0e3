package osbox.kernel.tty;

import osbox.api.hw.Console;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.UserMemory;
import osbox.api.kernel.WaitQueue;

/**
 * The console as an open file, in one of two ways. Over a host stream (a
 * pipe, a file: no tty): reads take received bytes (sleeping until some
 * arrive; 0 at end of input), writes transmit, and ioctl answers ENOTTY as
 * a pipe does, so programs behave as they do under qemu with redirected
 * streams. Over a host terminal: a {@link Tty} does the reading (line
 * discipline, job control), output processing and the ioctls.
 */
final class ConsoleFile implements OpenFile {
    static final int CHUNK = 4096;
    static final long TTY_RDEV = 136L << 8; // makedev(136, 0): a pseudo-terminal

    private final Console console;
    private final WaitQueue readers;
    private final Tty tty;

    /** The console as a stream (tty null) or through the terminal tty. */
    ConsoleFile(Console console, WaitQueue readers, Tty tty) {
        this.console = console;
        this.readers = readers;
        this.tty = tty;
    }

    /**
     * Reads up to len bytes of input into buf. The buffer is checked first
     * (read, then written back unchanged), so a bad pointer fails at once,
     * as under qemu, and loses no input.
     */
    @Override
    public long read(SyscallContext c, long buf, long len) {
        byte[] tmp = new byte[(int) Math.min(len, CHUNK)];
        if (!c.memory().read(buf, tmp, 0, tmp.length) || !c.memory().write(buf, tmp, 0, tmp.length)) {
            return -Errno.EFAULT;
        }
        if (tty != null) {
            long n = tty.read(c, tmp);
            if (n > 0) {
                c.memory().write(buf, tmp, 0, (int) n);
            }
            return n;
        }
        if (!console.readable()) {
            if (c.nonBlocking()) {
                return -Errno.EAGAIN;
            }
            c.sleepOn(readers);
            return SyscallHandler.RESTART;
        }
        int n = console.read(tmp, 0, tmp.length);
        if (n < 0) {
            return 0;
        }
        c.memory().write(buf, tmp, 0, n);
        return n;
    }

    /**
     * Transmits len bytes from buf; a fault part-way returns what was
     * written, or EFAULT if nothing. Once the console's host output has
     * closed (the reader of osbox's stdout pipe is gone) a write answers
     * EPIPE, as Linux's pipe_write does with no reader: what was transmitted
     * before the close counts, the chunk the host refused does not. The
     * write system call raises SIGPIPE on EPIPE.
     */
    @Override
    public long write(SyscallContext c, long buf, long len) {
        if (tty != null && tty.modes.lflag(Termios.TOSTOP)) {
            long check = tty.checkJobControl(c, Tty.SIGTTOU);
            if (check != 0) {
                return check;
            }
        }
        UserMemory m = c.memory();
        byte[] chunk = new byte[(int) Math.min(len, CHUNK)];
        long done = 0;
        while (done < len) {
            if (console.outputClosed()) {
                return done > 0 ? done : -Errno.EPIPE;
            }
            int n = (int) Math.min(len - done, CHUNK);
            if (!m.read(buf + done, chunk, 0, n)) {
                int ok = 0;
                while (ok < n && m.read(buf + done + ok, chunk, ok, 1)) {
                    ok++;
                }
                done += transmit(chunk, ok);
                return done > 0 ? done : console.outputClosed() ? -Errno.EPIPE : -Errno.EFAULT;
            }
            done += transmit(chunk, n);
        }
        return done;
    }

    // Hands n bytes of chunk to the console (through the terminal's output processing if there is
    // one): n, or 0 when the host output refused them.
    private int transmit(byte[] chunk, int n) {
        if (tty != null) {
            tty.write(chunk, n);
        } else {
            console.write(chunk, 0, n);
        }
        return console.outputClosed() ? 0 : n;
    }

    /**
     * Readable when a read would not wait (through the terminal: a whole
     * line, a byte or end of file; as a stream: input or its end has
     * arrived), woken with the readers; always writable.
     */
    @Override
    public int poll(java.util.function.Consumer<WaitQueue> waitOn) {
        if (waitOn != null) {
            waitOn.accept(readers);
        }
        boolean readable = tty != null ? tty.readable() : console.readable();
        return (readable ? POLLIN | POLLRDNORM : 0) | POLLOUT | POLLWRNORM;
    }

    /** The terminal's requests (TCGETS, TIOCGWINSZ...); ENOTTY over a host stream. */
    @Override
    public long ioctl(SyscallContext c, long request, long arg) {
        return tty == null ? -Errno.ENOTTY : TtyIoctls.run(tty, c, request, arg);
    }

    @Override
    public int mode() {
        return S_IFCHR | 0620;
    }

    @Override
    public long rdev() {
        return TTY_RDEV;
    }

    @Override
    public String describe() {
        return "console";
    }
}
