package osbox.kernel.tty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallHandler;
import osbox.kernel.tty.TerminalFixture.Call;
import osbox.kernel.tty.TerminalFixture.Proc;

/**
 * The console as a terminal: reads through the line discipline, the
 * ioctls with Linux riscv64's numbers and struct layouts, VMIN and VTIME
 * in simulated time, signals to the foreground group, and the session and
 * job-control rules a shell relies on.
 */
class TtyTest {
    static final long BASE = TerminalFixture.BASE;
    static final long ARG = BASE + 8192;   // where ioctl structs go

    private final TerminalFixture f = new TerminalFixture();
    private final Proc shell = f.add(1, 0, 1, 0);      // started by the launcher: group 1, session 0
    private final OpenFile tty = f.start(shell);

    private String text(long at, int n) {
        return new String(f.memory.bytes(), (int) (at - BASE), n, StandardCharsets.ISO_8859_1);
    }

    private byte[] bytes(long at, int n) {
        byte[] b = new byte[n];
        System.arraycopy(f.memory.bytes(), (int) (at - BASE), b, 0, n);
        return b;
    }

    private int intAt(long at) {
        return ByteBuffer.wrap(bytes(at, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private void putInt(long at, int v) {
        ByteBuffer.wrap(f.memory.bytes(), (int) (at - BASE), 4).order(ByteOrder.LITTLE_ENDIAN).putInt(v);
    }

    // Sets the terminal's modes through TCGETS, a change, TCSETS, as a program does.
    private void setModes(java.util.function.Consumer<Termios> change) {
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TCGETS, ARG));
        Termios t = new Termios();
        t.setFrom(bytes(ARG, Termios.SIZE));
        change.accept(t);
        System.arraycopy(t.toBytes(), 0, f.memory.bytes(), (int) (ARG - BASE), Termios.SIZE);
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TCSETS, ARG));
    }

    private void raw(int min, int time) {
        setModes(t -> {
            t.lflag &= ~(Termios.ICANON | Termios.ECHO);
            t.cc[Termios.VMIN] = (byte) min;
            t.cc[Termios.VTIME] = (byte) time;
        });
    }

    @Test
    void tcgetsGivesLinuxsPseudoTerminalDefaultsInTheRiscv64Layout() {
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TCGETS, ARG));
        // c_iflag ICRNL|IXON, c_oflag OPOST|ONLCR, c_cflag B38400|CS8|CREAD, c_lflag 0x8a3b, c_line 0,
        // c_cc ^C ^\ DEL ^U ^D 0 1 0 ^Q ^S ^Z 0 ^R ^O ^W ^V 0 0 0: as `stty -g` shows a Linux pty
        assertEquals("00050000" + "05000000" + "bf000000" + "3b8a0000" + "00"
                + "031c7f150400010011131a00120f171600000000".substring(0, 38),
                HexFormat.of().formatHex(bytes(ARG, Termios.SIZE)));
        assertEquals(-Errno.EFAULT, tty.ioctl(f.by(shell), TtyIoctls.TCGETS, 0x10));
        assertEquals(-Errno.ENOTTY, tty.ioctl(f.by(shell), 0x5412, ARG), "TIOCSTI: not a request it knows");
    }

    @Test
    void aCanonicalReadWaitsForTheLineAndTheInterruptBringsIt() {
        Call read = f.by(shell);
        assertEquals(SyscallHandler.RESTART, tty.read(read, BASE, 100));
        assertEquals(List.of(f.queue("console-input")), read.sleeps);
        f.type("echo hi");
        assertEquals(SyscallHandler.RESTART, tty.read(read.restartAt(10), BASE, 100), "no whole line yet");
        f.type("\r");
        assertEquals(8, tty.read(read.restartAt(20), BASE, 100));
        assertEquals("echo hi\n", text(BASE, 8));
        assertEquals("echo hi\r\n", f.console.outputText(), "echo through the console");
    }

    @Test
    void oNonblockAnswersEagainWhereAReadWouldWaitInEitherMode() {
        Call read = f.by(shell).withNonBlocking();
        assertEquals(-Errno.EAGAIN, tty.read(read, BASE, 100), "canonical, no line");
        f.type("ab");
        assertEquals(-Errno.EAGAIN, tty.read(read, BASE, 100), "canonical, half a line");
        raw(1, 5);
        assertEquals(2, tty.read(read, BASE, 100), "raw: what is there");
        assertEquals(-Errno.EAGAIN, tty.read(read, BASE, 100), "raw, nothing there, whatever VMIN and VTIME");
        assertTrue(read.sleeps.isEmpty(), "never asleep");
    }

    @Test
    void writesGoThroughOutputProcessing() {
        byte[] b = "a\nb".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, f.memory.bytes(), 0, 3);
        assertEquals(3, tty.write(f.by(shell), BASE, 3), "the count the program gave");
        assertEquals("a\r\nb", f.console.outputText());
    }

    @Test
    void rawModeWithVminOneReturnsEachByteAsItComes() {
        raw(1, 0);
        f.type("x");
        assertEquals(1, tty.read(f.by(shell), BASE, 100));
        assertEquals("", f.console.outputText(), "echo off");
        Call read = f.by(shell);
        assertEquals(SyscallHandler.RESTART, tty.read(read, BASE, 100));
        assertEquals(-1, read.deadline, "VTIME 0: no timer");
    }

    @Test
    void vminWaitsForThatManyBytes() {
        raw(3, 0);
        f.type("ab");
        assertEquals(SyscallHandler.RESTART, tty.read(f.by(shell), BASE, 100));
        f.type("c");
        assertEquals(3, tty.read(f.by(shell).at(5), BASE, 100));
        f.type("de");
        assertEquals(2, tty.read(f.by(shell), BASE, 2), "a read shorter than VMIN needs only its length");
    }

    @Test
    void vtimeAloneIsATimerFromTheCallInSimulatedTime() {
        raw(0, 5);                                   // half a second
        Call read = f.by(shell).at(1000);
        assertEquals(SyscallHandler.RESTART, tty.read(read, BASE, 100));
        assertEquals(1000 + 500_000_000L, read.deadline);
        assertEquals(0, tty.read(read.restartAt(1000 + 500_000_000L), BASE, 100), "the timer ran out: 0");
        Call again = f.by(shell).at(2000);
        assertEquals(SyscallHandler.RESTART, tty.read(again, BASE, 100));
        f.type("k");
        assertEquals(1, tty.read(again.restartAt(3000), BASE, 100), "a byte before the timer: at once");
    }

    @Test
    void vminWithVtimeIsAnInterByteTimer() {
        raw(4, 1);                                   // a tenth of a second between bytes
        Call read = f.by(shell);
        assertEquals(SyscallHandler.RESTART, tty.read(read, BASE, 100));
        assertEquals(-1, read.deadline, "no timer before the first byte");
        f.type("ab");
        Call second = read.restartAt(50);
        assertEquals(SyscallHandler.RESTART, tty.read(second, BASE, 100));
        assertEquals(50 + 100_000_000L, second.deadline);
        assertEquals(2, tty.read(second.restartAt(50 + 100_000_000L), BASE, 100), "the gap ran out: what came");
        assertEquals("ab", text(BASE, 2));
    }

    @Test
    void zeroVminAndVtimeNeverWaits() {
        raw(0, 0);
        assertEquals(0, tty.read(f.by(shell), BASE, 100));
        f.type("zz");
        assertEquals(2, tty.read(f.by(shell), BASE, 100));
    }

    @Test
    void tcsetsfFlushesTypedInputAndFionreadCountsIt() {
        f.type("one\ntwo");
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.FIONREAD, ARG));
        assertEquals(4, intAt(ARG), "whole lines only");
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TCGETS, ARG));
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TCSETSF, ARG));
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.FIONREAD, ARG));
        assertEquals(0, intAt(ARG));
    }

    @Test
    void theWindowSizeLayoutAndSigwinchOnAChange() {
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TIOCGWINSZ, ARG));
        assertEquals("18005000" + "00000000", HexFormat.of().formatHex(bytes(ARG, 8)), "ws_row 24, ws_col 80");
        System.arraycopy(HexFormat.of().parseHex("1e00640000000000"), 0, f.memory.bytes(), (int) (ARG - BASE), 8);
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TIOCSWINSZ, ARG));
        assertEquals(List.of("28>1"), f.sent, "SIGWINCH to the foreground group");
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TIOCSWINSZ, ARG));
        assertEquals(1, f.sent.size(), "the same size again: no signal");
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TIOCGWINSZ, ARG + 100));
        assertEquals("1e00640000000000", HexFormat.of().formatHex(bytes(ARG + 100, 8)));
    }

    @Test
    void signalCharactersGoToTheForegroundGroupOnly() {
        Proc job = f.add(2, 1, 2, 0);
        putInt(ARG, 2);
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TIOCSPGRP, ARG));
        f.type("\u0003\u001a\u001c");
        assertEquals(List.of("2>2", "20>2", "3>2"), f.sent, "SIGINT, SIGTSTP, SIGQUIT to group 2, not the shell's");
        assertEquals("^C^Z^\\", f.console.outputText());
        assertEquals(2, job.pgid);
    }

    @Test
    void tiocgpgrpAndTiocgsidAnswerOnlyTheControllingTerminalsSession() {
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TIOCGPGRP, ARG));
        assertEquals(1, intAt(ARG), "the first process is the foreground group");
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TIOCGSID, ARG));
        assertEquals(0, intAt(ARG), "the launcher's session");
        Proc daemon = f.add(5, 1, 5, 5);             // after setsid: no controlling terminal
        assertEquals(-Errno.ENOTTY, tty.ioctl(f.by(daemon), TtyIoctls.TIOCGPGRP, ARG));
        assertEquals(-Errno.ENOTTY, tty.ioctl(f.by(daemon), TtyIoctls.TIOCGSID, ARG));
        assertEquals(-Errno.ENOTTY, tty.ioctl(f.by(daemon), TtyIoctls.TIOCSPGRP, ARG));
    }

    @Test
    void tiocspgrpChecksTheGroupAsLinuxDoes() {
        f.add(2, 1, 2, 0);
        f.add(6, 1, 6, 6);                           // a group in another session
        putInt(ARG, -3);
        assertEquals(-Errno.EINVAL, tty.ioctl(f.by(shell), TtyIoctls.TIOCSPGRP, ARG));
        putInt(ARG, 77);
        assertEquals(-Errno.ESRCH, tty.ioctl(f.by(shell), TtyIoctls.TIOCSPGRP, ARG));
        putInt(ARG, 6);
        assertEquals(-Errno.EPERM, tty.ioctl(f.by(shell), TtyIoctls.TIOCSPGRP, ARG));
        assertEquals(-Errno.EFAULT, tty.ioctl(f.by(shell), TtyIoctls.TIOCSPGRP, 0x10));
        int wakes = f.queue("tty-foreground").wakeCalls();
        putInt(ARG, 2);
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TIOCSPGRP, ARG));
        assertEquals(wakes + 1, f.queue("tty-foreground").wakeCalls(), "background waiters look again");
    }

    @Test
    void aBackgroundReadSendsSigttinToItsGroupAndWaitsForTheForeground() {
        Proc job = f.add(3, 1, 3, 0);
        Call read = f.by(job);
        assertEquals(SyscallHandler.RESTART, tty.read(read, BASE, 10));
        assertEquals(List.of("21>3"), f.sent);
        assertEquals(List.of(f.queue("tty-foreground")), read.sleeps);
        f.type("in\n");
        putInt(ARG, 3);
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TIOCSPGRP, ARG), "fg");
        assertEquals(3, tty.read(read.restartAt(9), BASE, 10), "in the foreground now: it reads");
    }

    @Test
    void aBackgroundReadIsEioWhenSigttinIsIgnoredOrTheGroupIsOrphaned() {
        Proc job = f.add(3, 1, 3, 0);
        job.blockedOrIgnored.add(Tty.SIGTTIN);
        assertEquals(-Errno.EIO, tty.read(f.by(job), BASE, 10));
        Proc orphan = f.add(4, 3, 4, 0);
        assertEquals(List.of("21>4"), List.of(tty.read(f.by(orphan), BASE, 10) == SyscallHandler.RESTART
                ? f.sent.get(0) : "no signal"), "its parent (group 3, session 0) could continue it");
        f.sent.clear();
        job.pgid = 4;                                // the parent joins the group and exits
        job.state = osbox.api.kernel.ProcessState.ZOMBIE;
        assertEquals(-Errno.EIO, tty.read(f.by(orphan), BASE, 10), "nobody outside the group to continue it");
        assertTrue(f.sent.isEmpty());
    }

    @Test
    void tostopMakesBackgroundWritesSendSigttouUnlessIgnored() {
        Proc job = f.add(3, 1, 3, 0);
        assertEquals(1, tty.write(f.by(job), BASE, 1), "without TOSTOP background output goes out");
        setModes(t -> t.lflag |= Termios.TOSTOP);
        Call write = f.by(job);
        assertEquals(SyscallHandler.RESTART, tty.write(write, BASE, 1));
        assertEquals(List.of("22>3"), f.sent);
        job.blockedOrIgnored.add(Tty.SIGTTOU);
        assertEquals(1, tty.write(f.by(job), BASE, 1), "SIGTTOU ignored: the write goes on");
    }

    @Test
    void aBackgroundTcsetsSendsSigttouAndGoesOnWhenTheShellIgnoresIt() {
        Proc job = f.add(3, 1, 3, 0);
        putInt(ARG, 3);
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TIOCSPGRP, ARG));
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TCGETS, ARG));
        assertEquals(SyscallHandler.RESTART, tty.ioctl(f.by(shell), TtyIoctls.TCSETS, ARG));
        assertEquals(List.of("22>1"), f.sent, "the shell is in the background now");
        shell.blockedOrIgnored.add(Tty.SIGTTOU);     // as job-control shells do
        putInt(ARG + 64, 1);
        assertEquals(0, tty.ioctl(f.by(shell), TtyIoctls.TIOCSPGRP, ARG + 64), "takes the terminal back");
        assertEquals(0, tty.ioctl(f.by(job), TtyIoctls.TIOCGPGRP, ARG));
        assertEquals(1, intAt(ARG));
    }

    @Test
    void tiocscttyNeedsASessionLeaderAndTakesATerminalOverOnlyWithArgOne() {
        Proc child = f.add(2, 1, 2, 0);
        assertEquals(-Errno.EPERM, tty.ioctl(f.by(child), TtyIoctls.TIOCSCTTY, 0), "not a session leader");
        Proc leader = f.add(7, 1, 7, 7);
        assertEquals(-Errno.EPERM, tty.ioctl(f.by(leader), TtyIoctls.TIOCSCTTY, 0), "session 0 has it");
        assertEquals(0, tty.ioctl(f.by(leader), TtyIoctls.TIOCSCTTY, 1), "root may steal it");
        assertEquals(0, tty.ioctl(f.by(leader), TtyIoctls.TIOCGPGRP, ARG));
        assertEquals(7, intAt(ARG));
        assertEquals(-Errno.ENOTTY, tty.ioctl(f.by(shell), TtyIoctls.TIOCGPGRP, ARG), "no longer the shell's");
        assertEquals(0, tty.ioctl(f.by(leader), TtyIoctls.TIOCSCTTY, 0), "already its own: 0");
        f.type("\u0003");
        assertEquals(List.of("2>7"), f.sent);
    }

    @Test
    void theLeadersExitOrTiocnottyHangsTheTerminalUp() {
        Proc leader = f.add(7, 1, 7, 7);
        assertEquals(0, tty.ioctl(f.by(leader), TtyIoctls.TIOCSCTTY, 1));
        leader.state = osbox.api.kernel.ProcessState.ZOMBIE;
        f.exitListeners.forEach(l -> l.accept(leader));
        assertEquals(List.of("1>7"), f.sent, "SIGHUP to the foreground group");
        assertEquals(-Errno.ENOTTY, tty.ioctl(f.by(leader), TtyIoctls.TIOCGPGRP, ARG));
        Proc other = f.add(8, 1, 8, 8);
        assertEquals(0, tty.ioctl(f.by(other), TtyIoctls.TIOCSCTTY, 0), "nobody's now: no steal needed");
        assertEquals(0, tty.ioctl(f.by(other), TtyIoctls.TIOCNOTTY, 0));
        assertEquals(List.of("1>7", "1>8", "18>8"), f.sent, "TIOCNOTTY: SIGHUP and SIGCONT");
        assertEquals(-Errno.ENOTTY, tty.ioctl(f.by(other), TtyIoctls.TIOCNOTTY, 0));
    }

    @Test
    void aStreamConsoleKnowsNoRequestAndEchoesNothing() {
        TerminalFixture streamFixture = new TerminalFixture();
        ConsoleTerminal stream = new ConsoleTerminal(streamFixture.console, new osbox.api.kernel.Kernel() {
            @Override
            public osbox.api.kernel.WaitQueue newWaitQueue(String name) {
                return new osbox.testkit.syscall.CountingWaitQueue(name);
            }

            @Override
            public osbox.api.kernel.ProcessManager processManager() {
                return null;
            }
        });
        OpenFile file = stream.open(shell);
        assertEquals(-Errno.ENOTTY, file.ioctl(f.by(shell), TtyIoctls.TCGETS, ARG));
        streamFixture.console.receive("a\r\n");
        stream.interrupt(TerminalFixture.SOURCE);
        assertEquals(3, file.read(f.by(shell), BASE, 10), "bytes as they came, CR kept");
        assertArrayEquals(new byte[0], streamFixture.console.output());
    }
}
