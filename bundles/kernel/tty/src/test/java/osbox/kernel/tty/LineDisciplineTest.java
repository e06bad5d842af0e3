package osbox.kernel.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line discipline alone, with Linux's default modes: canonical editing
 * (erase, kill, word erase, literal next, ^D), echo as a Linux pty echoes,
 * input and output mapping, the signal characters, raw mode.
 */
class LineDisciplineTest {
    private final Termios modes = Termios.linuxDefaults();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final List<Integer> signals = new ArrayList<>();
    private final LineDiscipline ld = new LineDiscipline(modes, screen::write, signals::add);

    private void type(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        ld.receive(b, 0, b.length);
    }

    private String read(int len) {
        byte[] b = new byte[len];
        int n = ld.read(b, 0, len);
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    private String screen() {
        return screen.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void canonicalModeHoldsTheLineUntilItsEndAndEchoesItWithCrNl() {
        type("ls -l");
        assertFalse(ld.readable(), "no whole line yet");
        assertEquals("ls -l", screen());
        type("\r");
        assertTrue(ld.readable());
        assertEquals("ls -l\r\n", screen(), "CR echoed as ICRNL made it, NL as ONLCR turns it");
        assertEquals(6, ld.available(), "FIONREAD counts the line");
        assertEquals("ls -l\n", read(100), "ICRNL: the line ends with NL");
    }

    @Test
    void aReadTakesAtMostOneLineAndTheRestOfALongLineLater() {
        type("one\ntwo\n");
        assertEquals("on", read(2));
        assertEquals("e\n", read(100), "the rest of the first line, not the second");
        assertEquals("two\n", read(100));
        assertFalse(ld.readable());
    }

    @Test
    void eraseTakesTheLastCharacterOffTheLineAndTheScreen() {
        type("cat\u007f\u007fr\b");
        type("t\n");
        assertEquals("ct\n", read(100), "DEL and ^H both erase");
        assertEquals("cat\b \b\b \br\b \bt\r\n", screen(), "ECHOE: back, blank, back");
    }

    @Test
    void eraseOfAControlCharacterTakesBothColumnsOfItsCaretEcho() {
        type("a\u0001\u007f\n");
        assertEquals("a^A\b \b\b \b\r\n", screen());
        assertEquals("a\n", read(10));
    }

    @Test
    void killErasesTheWholeLineAndWordEraseTheLastWord() {
        type("rm -rf /\u0015echo hi there  \u0017\u0017you\n");
        assertEquals("echo you\n", read(100), "^U kills the line, ^W erases spaces then a word");
        String s = screen();
        assertTrue(s.startsWith("rm -rf /" + "\b \b".repeat(8) + "echo hi there  "), s);
    }

    @Test
    void withoutEchokeKillEchoesTheKillCharacterAndANewline() {
        modes.lflag &= ~Termios.ECHOKE;
        type("abc\u0015x\n");
        assertEquals("abc^U\r\nx\r\n", screen());
        assertEquals("x\n", read(10));
    }

    @Test
    void eofReturnsWhatIsBufferedAndZeroAtTheStartOfALine() {
        type("abc\u0004");
        assertEquals("abc", read(100), "^D ends the line without itself");
        type("\u0004");
        assertTrue(ld.readable());
        assertEquals(0, ld.read(new byte[10], 0, 10), "^D at the start of a line: end of file");
        assertEquals("abc", screen(), "^D is not echoed");
        assertFalse(ld.readable());
    }

    @Test
    void literalNextTakesTheNextCharacterAsItIs() {
        type("a\u0016\u0003b\n");
        assertEquals("a\u0003b\n", read(10), "^V^C is a ^C in the line, not SIGINT");
        assertTrue(signals.isEmpty());
    }

    @Test
    void signalCharactersFlushTheInputSignalTheForegroundAndEcho() {
        type("half a line\u0003");
        assertEquals(List.of(LineDiscipline.SIGINT), signals);
        assertTrue(screen().endsWith("^C"), screen());
        type("x\n");
        assertEquals("x\n", read(100), "the half line was flushed");
        type("\u001c\u001a");
        assertEquals(List.of(LineDiscipline.SIGINT, LineDiscipline.SIGQUIT, LineDiscipline.SIGTSTP), signals);
    }

    @Test
    void noflshKeepsTheInputAndWithoutIsigTheCharactersAreData() {
        modes.lflag |= Termios.NOFLSH;
        type("keep\u0003 me\n");
        assertEquals("keep me\n", read(100));
        modes.lflag &= ~Termios.ISIG;
        type("\u0003\n");
        assertEquals("\u0003\n", read(10));
        assertEquals(1, signals.size());
    }

    @Test
    void withoutEchoNothingIsEchoedButEchonlEchoesNewlines() {
        modes.lflag &= ~Termios.ECHO;
        type("secret\n");
        assertEquals("", screen());
        modes.lflag |= Termios.ECHONL;
        type("pw\n");
        assertEquals("\r\n", screen());
        assertEquals("secret\n", read(100));
    }

    @Test
    void inputMappingIgncrAndInlcr() {
        modes.iflag = Termios.IGNCR;
        type("a\rb\n");
        assertEquals("ab\n", read(10), "IGNCR drops CR");
        modes.iflag = Termios.INLCR;
        modes.lflag &= ~Termios.ICANON;
        ld.modesChanged(true);
        type("\n");
        assertEquals("\r", read(10), "INLCR: NL becomes CR");
    }

    @Test
    void outputProcessingOnlcrAndWithoutOpostNothing() {
        byte[] b = "a\nb\n".getBytes(StandardCharsets.US_ASCII);
        ld.write(b, 0, b.length);
        assertEquals("a\r\nb\r\n", screen());
        screen.reset();
        modes.oflag &= ~Termios.OPOST;
        ld.write(b, 0, b.length);
        assertEquals("a\nb\n", screen());
    }

    @Test
    void rawModeGivesBytesAtOnceAndEchoesControlsAsCarets() {
        modes.lflag &= ~Termios.ICANON;
        ld.modesChanged(true);
        type("q\u001b[A");
        assertTrue(ld.readable());
        assertEquals("q\u001b[A", read(100), "no line editing: escape sequences pass whole");
        assertEquals("q^[[A", screen());
        type("\u007f");
        assertEquals("\u007f", read(10), "DEL is data in raw mode");
    }

    @Test
    void switchingModesKeepsTypedInput() {
        type("partial");
        modes.lflag &= ~Termios.ICANON;
        ld.modesChanged(true);
        assertEquals("partial", read(100), "entering raw mode: the edited line becomes readable");
        type("xy");
        modes.lflag |= Termios.ICANON;
        ld.modesChanged(false);
        assertTrue(ld.readable(), "entering canonical mode: what was buffered is one line");
        assertEquals("xy", read(100));
    }

    @Test
    void theBufferHoldsAtMostItsSizeAndAFullLineStillEnds() {
        type("x".repeat(LineDiscipline.BUFFER + 10));
        assertEquals(0, ld.room());
        type("\n");
        String line = read(LineDiscipline.BUFFER + 100);
        assertEquals(LineDiscipline.BUFFER, line.length(), "4095 bytes and the newline");
        assertTrue(line.endsWith("x\n"));
    }

    @Test
    void aHangUpEndsTheEditedLineThenReadsEndOfFile() {
        type("last");
        ld.hangUp();
        assertEquals("last", read(10));
        assertTrue(ld.readable());
        assertEquals(0, ld.read(new byte[4], 0, 4));
    }

    @Test
    void utf8CharactersAreErasedWhole() {
        modes.iflag |= Termios.IUTF8;
        type("a\u00c3\u00a9\u007f\n");   // a, é in UTF-8, erase
        assertEquals("a\n", read(10));
        assertEquals("a\u00c3\u00a9\b \b\r\n", screen(), "one column taken back");
    }

    @Test
    void reprintEchoesTheLineAgain() {
        type("abc\u0012");
        assertEquals("abc^R\r\nabc", screen());
    }
}
