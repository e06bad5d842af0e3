package osbox.kernel.tty;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.function.IntConsumer;

/**
 * The line discipline (Linux's n_tty) of one terminal, as plain logic with
 * no kernel in it: received bytes are processed under the {@link Termios}
 * (input mapping, signal characters, canonical editing, echo) into a read
 * buffer; reads take whole lines (canonical mode) or bytes (raw mode);
 * writes and echo go out through output processing. Signals go to a
 * callback (the terminal sends them to its foreground process group),
 * output bytes to a device callback. Simulation thread only.
 *
 * <p>The read buffer holds at most {@link #BUFFER} - 1 bytes, lines being
 * edited included (N_TTY_BUF_SIZE): in raw mode the driver hands over only
 * {@link #room()} bytes and leaves the rest in the device (flow control);
 * in canonical mode a full buffer drops the characters of the line being
 * edited, but still ends a line.
 *
 * <p>One departure from n_tty: while VERASE is DEL (the default), ^H erases
 * too, since host terminals send either for the backspace key and the
 * host's own setting is not passed in.
 */
final class LineDiscipline {
    /** Linux's N_TTY_BUF_SIZE. */
    static final int BUFFER = 4096;
    // signal numbers (generic Linux)
    static final int SIGINT = 2, SIGQUIT = 3, SIGTSTP = 20;

    /** Where output (writes and echo) goes, after output processing. */
    interface Device {
        void transmit(byte[] bytes, int off, int len);
    }

    private final Termios modes;
    private final Device device;
    private final IntConsumer signal;

    // readable bytes: whole lines in canonical mode (their lengths in `lines`), anything in raw mode
    private final ArrayDeque<Byte> ready = new ArrayDeque<>();
    private final ArrayDeque<Integer> lines = new ArrayDeque<>();
    // the line being edited (canonical mode)
    private final byte[] edit = new byte[BUFFER];
    private int editLength;
    private int editColumn;          // output column where the edited line started
    private int column;              // output column of the device's cursor
    private boolean literalNext;     // VLNEXT seen: the next byte is taken as it is
    private boolean hungUp;          // the device's input ended: reads then see end of file

    /** A discipline under {@code modes} (shared with the ioctls), echoing to device, signalling through signal. */
    LineDiscipline(Termios modes, Device device, IntConsumer signal) {
        this.modes = modes;
        this.device = device;
        this.signal = signal;
    }

    // ---- input ----

    /** Bytes the buffer takes now without dropping any (raw mode: how much to take from the device). */
    int room() {
        return Math.max(0, BUFFER - 1 - ready.size() - editLength);
    }

    /** Processes received bytes, as typed: mapping, signals, editing, echo. */
    void receive(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len; i++) {
            receive(bytes[i] & 0xff);
        }
    }

    /** The device's input has ended (its host stream closed): what was typed stays readable, then end of file. */
    void hangUp() {
        if (modes.lflag(Termios.ICANON) && editLength > 0) {
            commitLine();
        }
        hungUp = true;
    }

    // One received byte (n_tty_receive_char and its special cases).
    private void receive(int c) {
        if (modes.iflag(Termios.ISTRIP)) {
            c &= 0x7f;
        }
        if (literalNext) {
            literalNext = false;
            store(c);
            return;
        }
        if (c == '\r') {
            if (modes.iflag(Termios.IGNCR)) {
                return;
            }
            if (modes.iflag(Termios.ICRNL)) {
                c = '\n';
            }
        } else if (c == '\n' && modes.iflag(Termios.INLCR)) {
            c = '\r';
        }
        if (modes.lflag(Termios.ISIG) && signalChar(c)) {
            return;
        }
        if (modes.iflag(Termios.IXON) && (modes.is(c, Termios.VSTART) || modes.is(c, Termios.VSTOP))) {
            return;     // flow control characters are taken; output never stops (writes are synchronous)
        }
        if (modes.lflag(Termios.ICANON)) {
            canonical(c);
        } else {
            if (ready.size() >= BUFFER - 1) {
                return;
            }
            ready.add((byte) c);
            if (modes.lflag(Termios.ECHO)) {
                echo(c);
            }
        }
    }

    // VINTR, VQUIT, VSUSP: flush (unless NOFLSH), signal the foreground group, echo. True when c was one.
    private boolean signalChar(int c) {
        int sig = modes.is(c, Termios.VINTR) ? SIGINT : modes.is(c, Termios.VQUIT) ? SIGQUIT
                : modes.is(c, Termios.VSUSP) ? SIGTSTP : 0;
        if (sig == 0) {
            return false;
        }
        if (!modes.lflag(Termios.NOFLSH)) {
            flushInput();
        }
        signal.accept(sig);
        if (modes.lflag(Termios.ECHO)) {
            echo(c);
        }
        return true;
    }

    // Canonical mode: the editing characters, line ends, or a byte of the line.
    private void canonical(int c) {
        boolean ext = modes.lflag(Termios.IEXTEN);
        if (modes.is(c, Termios.VERASE) || (c == '\b' && modes.is(0x7f, Termios.VERASE))) {
            erase(Erase.CHAR);          // ^H too while VERASE is DEL: host terminals send either for backspace
        } else if (modes.is(c, Termios.VKILL)) {
            erase(Erase.LINE);
        } else if (ext && modes.is(c, Termios.VWERASE)) {
            erase(Erase.WORD);
        } else if (ext && modes.is(c, Termios.VLNEXT)) {
            literalNext = true;
            if (modes.lflag(Termios.ECHO) && modes.lflag(Termios.ECHOCTL)) {
                output(new byte[] {'^', '\b'});
            }
        } else if (ext && modes.is(c, Termios.VREPRINT) && modes.lflag(Termios.ECHO)) {
            echo(c);
            output(new byte[] {'\n'});
            editColumn = column;
            for (int i = 0; i < editLength; i++) {
                echo(edit[i] & 0xff);
            }
        } else if (c == '\n' || modes.is(c, Termios.VEOL) || (ext && modes.is(c, Termios.VEOL2))) {
            if (modes.lflag(Termios.ECHO) || (c == '\n' && modes.lflag(Termios.ECHONL))) {
                echo(c);
            }
            append(c, true);
            commitLine();
        } else if (modes.is(c, Termios.VEOF)) {
            commitLine();                  // not stored, not echoed: a read returns the line without it
        } else {
            store(c);
        }
    }

    // A byte of the line (or, in raw mode, of the input), echoed.
    private void store(int c) {
        if (!modes.lflag(Termios.ICANON)) {
            if (ready.size() < BUFFER - 1) {
                ready.add((byte) c);
                if (modes.lflag(Termios.ECHO)) {
                    echo(c);
                }
            }
            return;
        }
        if (append(c, false) && modes.lflag(Termios.ECHO)) {
            echo(c);
        }
    }

    // Adds c to the edited line; a full buffer drops it unless it ends the line. False when dropped.
    private boolean append(int c, boolean endsLine) {
        if (room() == 0 && !endsLine) {
            return false;
        }
        if (editLength == 0) {
            editColumn = column;     // before c's echo, which follows
        }
        if (editLength < edit.length) {
            edit[editLength++] = (byte) c;
        }
        return true;
    }

    // The edited line becomes readable (an empty one: a read returns 0, end of file).
    private void commitLine() {
        for (int i = 0; i < editLength; i++) {
            ready.add(edit[i]);
        }
        lines.add(editLength);
        editLength = 0;
    }

    /** What VERASE, VKILL and VWERASE erase. */
    private enum Erase { CHAR, WORD, LINE }

    // Erases from the edited line, and from the screen as ECHOE/ECHOK/ECHOKE say (n_tty's eraser).
    private void erase(Erase kind) {
        if (editLength == 0) {
            return;
        }
        boolean echo = modes.lflag(Termios.ECHO);
        if (kind == Erase.LINE && (!echo || !modes.lflag(Termios.ECHOK) || !modes.lflag(Termios.ECHOKE)
                || !modes.lflag(Termios.ECHOE))) {
            editLength = 0;
            if (echo) {
                echo(modes.cc(Termios.VKILL));
                if (modes.lflag(Termios.ECHOK)) {
                    output(new byte[] {'\n'});
                }
            }
            return;
        }
        boolean seenAlnum = false;
        while (editLength > 0) {
            int end = editLength;
            int start = end - 1;
            if (modes.iflag(Termios.IUTF8)) {
                while (start > 0 && (edit[start] & 0xc0) == 0x80) {
                    start--;    // a UTF-8 character goes whole
                }
            }
            int c = edit[start] & 0xff;
            if (kind == Erase.WORD) {
                boolean alnum = Character.isLetterOrDigit(c) && c < 0x80 || c == '_';
                if (alnum) {
                    seenAlnum = true;
                } else if (seenAlnum) {
                    break;
                }
            }
            editLength = start;
            if (echo) {
                if (kind == Erase.CHAR && !modes.lflag(Termios.ECHOE)) {
                    echo(modes.cc(Termios.VERASE));
                } else {
                    rubOut(c);
                }
            }
            if (kind == Erase.CHAR) {
                break;
            }
        }
    }

    // Takes the last echoed character off the screen: back over its columns, blank, back.
    private void rubOut(int c) {
        int width;
        if (c == '\t') {
            width = column - columnAfter(editLength);
        } else {
            width = echoWidth(c, column);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < width; i++) {
            if (c == '\t') {
                b.write('\b');
            } else {
                b.write('\b');
                b.write(' ');
                b.write('\b');
            }
        }
        output(b.toByteArray());
    }

    // The column after echoing the first n bytes of the edited line.
    private int columnAfter(int n) {
        int col = editColumn;
        for (int i = 0; i < n; i++) {
            col += echoWidth(edit[i] & 0xff, col);
        }
        return col;
    }

    // Columns the echo of c takes at column col (^X: 2, a tab: to the next stop, UTF-8 continuation: 0).
    private int echoWidth(int c, int col) {
        if (c == '\t') {
            return (col | 7) + 1 - col;
        }
        if (controlEchoedAsCaret(c)) {
            return 2;
        }
        if (c < 0x20) {
            return 0;
        }
        return modes.iflag(Termios.IUTF8) && (c & 0xc0) == 0x80 ? 0 : 1;
    }

    private boolean controlEchoedAsCaret(int c) {
        return modes.lflag(Termios.ECHOCTL) && (c < 0x20 || c == 0x7f) && c != '\t' && c != '\n';
    }

    // Echoes c: a control character as ^X under ECHOCTL (not tab and newline), else itself, processed.
    private void echo(int c) {
        if (controlEchoedAsCaret(c)) {
            output(new byte[] {'^', (byte) (c ^ 0x40)});
        } else {
            output(new byte[] {(byte) c});
        }
    }

    // ---- reading ----

    /** Whether a read would return now: a whole line (canonical), a byte (raw), or end of file. */
    boolean readable() {
        return modes.lflag(Termios.ICANON) ? !lines.isEmpty() || hungUp : !ready.isEmpty() || hungUp;
    }

    /** Bytes readable now (FIONREAD): those of whole lines in canonical mode. */
    int available() {
        return ready.size();
    }

    /** Whether the device's input has ended. */
    boolean hungUp() {
        return hungUp;
    }

    /**
     * Takes up to len readable bytes into dst: at most one line in canonical
     * mode (its end included; 0 for a line ended by VEOF at its start, and
     * at end of file), anything buffered in raw mode. The caller checked
     * {@link #readable()} (or, in raw mode, wants what there is).
     */
    int read(byte[] dst, int off, int len) {
        if (modes.lflag(Termios.ICANON)) {
            if (lines.isEmpty()) {
                return 0;
            }
            int line = lines.removeFirst();
            int n = Math.min(len, line);
            take(dst, off, n);
            if (line > n) {
                lines.addFirst(line - n);
            }
            return n;
        }
        int n = Math.min(len, ready.size());
        take(dst, off, n);
        return n;
    }

    private void take(byte[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = ready.removeFirst();
        }
    }

    /** Discards typed input, read buffer and edited line (^C without NOFLSH, TCSETSF, TCFLSH). */
    void flushInput() {
        ready.clear();
        lines.clear();
        editLength = 0;
        literalNext = false;
    }

    /**
     * The modes changed from {@code wasCanonical}: entering raw mode makes
     * the edited line readable as it is; entering canonical mode makes what
     * is buffered one line (as Linux's n_tty_set_termios pushes it).
     */
    void modesChanged(boolean wasCanonical) {
        boolean canonical = modes.lflag(Termios.ICANON);
        if (wasCanonical && !canonical) {
            for (int i = 0; i < editLength; i++) {
                ready.add(edit[i]);
            }
            editLength = 0;
            lines.clear();
        } else if (!wasCanonical && canonical) {
            lines.clear();
            if (!ready.isEmpty()) {
                lines.add(ready.size());
            }
        }
        literalNext = false;
    }

    // ---- output ----

    /** A program's write: output-processed and transmitted. */
    void write(byte[] bytes, int off, int len) {
        output(bytes, off, len);
    }

    private void output(byte[] bytes) {
        output(bytes, 0, bytes.length);
    }

    // Output processing (OPOST: ONLCR, OCRNL, ONOCR, ONLRET), tracking the cursor's column, then the device.
    private void output(byte[] bytes, int off, int len) {
        if (!modes.oflag(Termios.OPOST)) {
            for (int i = off; i < off + len; i++) {
                advance(bytes[i] & 0xff);
            }
            device.transmit(bytes, off, len);
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 16);
        for (int i = off; i < off + len; i++) {
            int c = bytes[i] & 0xff;
            if (c == '\n' && modes.oflag(Termios.ONLCR)) {
                out.write('\r');
                out.write('\n');
                column = 0;
                continue;
            }
            if (c == '\r') {
                if (modes.oflag(Termios.ONOCR) && column == 0) {
                    continue;
                }
                if (modes.oflag(Termios.OCRNL)) {
                    c = '\n';
                }
            }
            out.write(c);
            advance(c);
            if (c == '\n' && modes.oflag(Termios.ONLRET)) {
                column = 0;
            }
        }
        device.transmit(out.toByteArray(), 0, out.size());
    }

    // Moves the column over one transmitted byte.
    private void advance(int c) {
        if (c == '\r') {
            column = 0;
        } else if (c == '\b') {
            column = Math.max(0, column - 1);
        } else if (c == '\t') {
            column = (column | 7) + 1;
        } else if (c >= 0x20 && c != 0x7f && !(modes.iflag(Termios.IUTF8) && (c & 0xc0) == 0x80)) {
            column++;
        }
    }
}
