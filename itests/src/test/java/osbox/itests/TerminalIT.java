package osbox.itests;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/**
 * The console through the real osbox script when osbox's input is not a
 * terminal (a file, a pipe, CI): it stays a plain stream, as before the
 * terminal came. No line discipline: the control characters a terminal
 * would act on (CR, DEL, ^C, ^D) reach the program as bytes, nothing is
 * echoed, and the host terminal is not touched. The terminal's behaviour
 * itself is unit-tested in bundles/kernel/tty.
 */
public class TerminalIT {

    @Test
    public void withInputFromAFileTheConsoleIsAStreamAndControlCharactersAreData() throws Exception {
        String input = "one\r\ntwo\u007f\u0003\u001a\u0004 three\n";
        OsboxCommand.Result r = OsboxCommand.of("run", "examples/programs/cat.elf").stdin(input)
                .timeoutSeconds(120).run();
        assertEquals(r.describe(), 0, r.status());
        assertEquals(r.describe(), input, r.out());
    }
}
