package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The interactive shell's last words: one line, then nothing of the shell's stop or the shutdown on stderr. */
class MainThreadTest {

    @Test
    void lastWordsPrintTheLineThenMuteStderr() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, MainThread.lastWords("osbox: --plugin x.jar: not a jar file", 2,
                    () -> System.err.println("gogo: CommandNotFoundException: Command not found: gosh")));
            new IllegalStateException("a stack trace").printStackTrace();
        } finally {
            System.setErr(saved);
        }
        assertEquals("osbox: --plugin x.jar: not a jar file\n", err.toString(StandardCharsets.UTF_8));
    }
}
