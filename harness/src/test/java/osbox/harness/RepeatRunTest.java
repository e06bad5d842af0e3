package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One computer runs the same program many times: nothing left over from one run spoils the next. */
class RepeatRunTest {
    @Test
    void theSameProgramRunsAgainAndAgain() throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults())) {
            byte[] image = Files.readAllBytes(Computer.example("checksum"));
            String first = null;
            for (int i = 0; i < 40; i++) {
                Computer.Result r = c.run("checksum", image, List.of("2000000"), null);
                assertEquals(0, r.shellStatus(), "run " + i + ": " + r.killReport());
                if (first == null) {
                    first = r.stdoutText();
                }
                assertEquals(first, r.stdoutText(), "run " + i);
                assertEquals(0, (long) c.machine().call(() -> c.kernel().frames().used()), "frames freed after run " + i);
            }
        }
    }
}
