package osbox.kernel.tty;

import java.util.TreeMap;
import osbox.api.hw.Console;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitQueue;

/**
 * The console as a terminal (Linux's tty_struct over the console): its
 * modes, line discipline, window size, and the session it is the
 * controlling terminal of with that session's foreground process group.
 * Input is taken from the console when its interrupt comes (so ^C signals
 * even while nobody reads); reads and writes of programs pass the job
 * control rules first. One per console, shared by every descriptor.
 * Simulation thread only.
 */
final class Tty {
    /** No session: the terminal is nobody's controlling terminal. */
    static final int NO_SESSION = -1;
    // signal numbers (generic Linux)
    static final int SIGHUP = 1, SIGCONT = 18, SIGTTIN = 21, SIGTTOU = 22, SIGWINCH = 28;
    /** What a job-control check answers when the caller must wait: it was signalled and sleeps. */
    static final long WAIT = SyscallHandler.RESTART;

    final Termios modes = Termios.linuxDefaults();
    final LineDiscipline discipline;
    private final Console console;
    private final WaitQueue readers;
    private final WaitQueue foregroundChanged;
    private final Sessions sessions;
    private final byte[] chunk = new byte[LineDiscipline.BUFFER];
    // struct winsize: ws_row, ws_col, ws_xpixel, ws_ypixel
    private final int[] window = new int[4];
    private int session = NO_SESSION;
    private int foreground;                                     // 0: no foreground group
    private final TreeMap<Integer, Long> readDeadlines = new TreeMap<>();   // VTIME, by reader pid

    /**
     * A terminal over console whose window is rows x columns; readers
     * sleep on {@code readers}, background processes on
     * {@code foregroundChanged}; sessions answers for processes.
     */
    Tty(Console console, WaitQueue readers, WaitQueue foregroundChanged, Sessions sessions, int rows, int columns) {
        this.console = console;
        this.readers = readers;
        this.foregroundChanged = foregroundChanged;
        this.sessions = sessions;
        this.discipline = new LineDiscipline(modes, console::write, sig -> sessions.signalGroup(foreground, sig));
        window[0] = rows;
        window[1] = columns;
    }

    // ---- input from the device ----

    /**
     * The console's interrupt: takes what it received into the line
     * discipline (in raw mode only as much as the buffer has room for; the
     * rest waits in the console) and wakes the readers.
     */
    void receive() {
        boolean canonical = modes.lflag(Termios.ICANON);
        while (!discipline.hungUp()) {
            int room = canonical ? chunk.length : Math.min(chunk.length, discipline.room());
            if (room == 0 || !console.readable()) {
                break;
            }
            int n = console.read(chunk, 0, room);
            if (n < 0) {
                discipline.hangUp();
            } else if (n == 0) {
                break;
            } else {
                discipline.receive(chunk, 0, n);
            }
            canonical = modes.lflag(Termios.ICANON);     // a typed byte cannot change it, but stay honest
        }
        readers.wakeAll();
    }

    // ---- sessions ----

    /** The session the terminal controls, or {@link #NO_SESSION}. */
    int session() {
        return session;
    }

    /** The foreground process group, 0 for none. */
    int foreground() {
        return foreground;
    }

    /** Whether this is p's controlling terminal. */
    boolean controls(ProcessView p) {
        return session != NO_SESSION && p.sid() == session;
    }

    /**
     * A process started from outside opens the terminal: the terminal
     * becomes its session's controlling terminal if it is nobody's, and
     * its group the foreground one if the terminal is its session's (the
     * launcher starts each program in the foreground).
     */
    void started(ProcessView p) {
        if (session == NO_SESSION) {
            session = p.sid();
        }
        if (session == p.sid()) {
            setForeground(p.pgid());
        }
    }

    /** Makes the terminal session sid's controlling terminal, with group pgid in the foreground. */
    void attach(int sid, int pgid) {
        session = sid;
        setForeground(pgid);
    }

    /** The terminal leaves its session (TIOCNOTTY by the leader, the leader's exit): SIGHUP (and SIGCONT) to the foreground group. */
    void detach(boolean continueToo) {
        int fg = foreground;
        session = NO_SESSION;
        setForeground(0);
        sessions.signalGroup(fg, SIGHUP);
        if (continueToo) {
            sessions.signalGroup(fg, SIGCONT);
        }
    }

    /** Changes the foreground group and wakes background processes waiting for it. */
    void setForeground(int pgid) {
        foreground = pgid;
        foregroundChanged.wakeAll();
    }

    /**
     * Linux's __tty_check_change for caller p about to read (sig SIGTTIN)
     * or change the terminal (SIGTTOU): 0 to go on; -EIO for a background
     * read with SIGTTIN blocked or ignored, or from an orphaned group; else
     * sig goes to p's group, p sleeps until the foreground changes, and
     * {@link #WAIT} comes back (the call's return value). A background
     * SIGTTOU change goes on when SIGTTOU is blocked or ignored.
     */
    long checkJobControl(SyscallContext c, int sig) {
        ProcessView p = c.process();
        if (!controls(p) || foreground == 0 || p.pgid() == foreground) {
            return 0;
        }
        if (p.blocksOrIgnores(sig)) {
            return sig == SIGTTIN ? -Errno.EIO : 0;
        }
        if (sessions.orphaned(p.pgid())) {
            return -Errno.EIO;
        }
        sessions.signalGroup(p.pgid(), sig);
        c.sleepOn(foregroundChanged);
        return WAIT;
    }

    /** Whether group pgid has a process in session sid (TIOCSPGRP's EPERM). */
    boolean groupInSession(int pgid, int sid) {
        return sessions.groupInSession(pgid, sid);
    }

    /** Whether group pgid has a process at all (TIOCSPGRP's ESRCH). */
    boolean groupExists(int pgid) {
        return sessions.groupExists(pgid);
    }

    // ---- reading ----

    /**
     * Reads for c into tmp (the user buffer was checked): the bytes read,
     * 0 at end of file, a negative errno, or RESTART after putting the
     * caller to sleep. Canonical mode waits for a whole line; raw mode
     * follows VMIN and VTIME (tenths of a second of simulated time).
     */
    long read(SyscallContext c, byte[] tmp) {
        long check = checkJobControl(c, SIGTTIN);
        if (check != 0) {
            return check;
        }
        int pid = c.process().pid();
        if (!c.woken()) {
            readDeadlines.remove(pid);
        }
        if (modes.lflag(Termios.ICANON)) {
            if (discipline.readable()) {
                return take(tmp, tmp.length);
            }
            if (c.nonBlocking()) {
                return -Errno.EAGAIN;
            }
            c.sleepOn(readers);
            return SyscallHandler.RESTART;
        }
        return readRaw(c, tmp, pid);
    }

    // Non-canonical read under VMIN and VTIME (termios(3)'s four cases).
    private long readRaw(SyscallContext c, byte[] tmp, int pid) {
        int min = modes.cc(Termios.VMIN);
        long time = modes.cc(Termios.VTIME) * (c.frequencyHz() / 10);
        int available = discipline.available();
        if (discipline.hungUp() || (min == 0 && time == 0)) {
            return take(tmp, tmp.length);
        }
        if (available == 0 && c.nonBlocking()) {
            return -Errno.EAGAIN;       // n_tty_read: no input and O_NONBLOCK, whatever VMIN and VTIME say
        }
        Long deadline = readDeadlines.get(pid);
        boolean timedOut = deadline != null && c.now() >= deadline;
        if (min == 0) {
            // an overall timer from the call: any byte, or 0 when it runs out
            if (available > 0 || timedOut) {
                readDeadlines.remove(pid);
                return take(tmp, tmp.length);
            }
            long until = deadline != null ? deadline : c.now() + time;
            readDeadlines.put(pid, until);
            c.sleepOnUntil(readers, until);
            return SyscallHandler.RESTART;
        }
        if (available >= Math.min(min, tmp.length) || (time > 0 && available > 0 && timedOut)) {
            readDeadlines.remove(pid);
            return take(tmp, tmp.length);
        }
        if (time == 0 || available == 0) {
            c.sleepOn(readers);
        } else {
            // an inter-byte timer, restarted whenever the reader sees a byte arrive
            long until = c.now() + time;
            readDeadlines.put(pid, until);
            c.sleepOnUntil(readers, until);
        }
        return SyscallHandler.RESTART;
    }

    // Takes up to len bytes into tmp, then refills the buffer from the console (raw mode's flow control).
    private int take(byte[] tmp, int len) {
        int n = discipline.read(tmp, 0, len);
        if (console.readable()) {
            receive();
        }
        return n;
    }

    /** FIONREAD: bytes readable now. */
    int available() {
        return discipline.available();
    }

    /** Whether a read would not wait (a whole line, a byte, or end of file). */
    boolean readable() {
        return discipline.readable();
    }

    /** The modes changed (TCSETS*): the discipline adjusts its buffer, readers look again. */
    void modesChanged(boolean wasCanonical) {
        discipline.modesChanged(wasCanonical);
        readers.wakeAll();
    }

    // ---- output and window ----

    /** A program's bytes, output-processed onto the console. */
    void write(byte[] bytes, int len) {
        discipline.write(bytes, 0, len);
    }

    /** struct winsize: ws_row, ws_col, ws_xpixel, ws_ypixel. */
    int[] window() {
        return window.clone();
    }

    /** TIOCSWINSZ: a new size; a change sends SIGWINCH to the foreground group. */
    void resize(int[] size) {
        if (java.util.Arrays.equals(size, window)) {
            return;
        }
        System.arraycopy(size, 0, window, 0, window.length);
        sessions.signalGroup(foreground, SIGWINCH);
    }
}
