package osbox.itests;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * --strace through the osbox script and the real distribution: the trace
 * of a run written into a file, the program's own output untouched; a file
 * that cannot be written refused before anything runs, with one line and 2.
 */
public class StraceIT {

    @Test
    public void straceFileHoldsEveryCallOfTheRunAndTheProgramsOutputIsUntouched() throws Exception {
        Path file = Files.createTempFile("osbox-strace", ".txt");
        try {
            OsboxCommand.Result r = OsboxCommand.of("run", "--strace=" + file, "examples/programs/cat.elf")
                    .stdin("one\ntwo\n").run();
            assertEquals(r.describe(), 0, r.status());
            assertEquals(r.describe(), "one\ntwo\n", r.out());
            assertEquals(r.describe(), "", r.err());
            assertEquals("[pid 1] read(0, \"one\\ntwo\\n\", 512)      = 8\n"
                    + "[pid 1] write(1, \"one\\ntwo\\n\", 8)       = 8\n"
                    + "[pid 1] read(0, \"\", 512)                = 0\n"
                    + "[pid 1] exit_group(0)                   = ?\n"
                    + "[pid 1] +++ exited with 0 +++\n", Files.readString(file, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    public void aStraceFileThatCannotBeWrittenIsOneLineAndStatus2() throws Exception {
        OsboxCommand.Result r = OsboxCommand.of("run", "--strace=/nonexistent/s.txt", "examples/programs/hello.elf")
                .run();
        assertEquals(r.describe(), 2, r.status());
        assertEquals(r.describe(), "", r.out());
        assertEquals(r.describe(), "osbox: --strace=/nonexistent/s.txt: No such file or directory\n", r.err());
    }
}
