package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.kernel.core.strace.StraceLog;

/** strace on the whole computer: the exact lines real example programs give. */
class StraceTest {
    private Computer computer;

    @BeforeEach
    void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
    }

    @AfterEach
    void off() {
        computer.close();
    }

    // runs an example with every spawned process traced; returns the strace text
    private String strace(String example, List<String> args, String stdin) throws Exception {
        StringWriter log = new StringWriter();
        computer.machine().call(() -> {
            computer.kernel().traceSpawned(new StraceLog(log, true, "test"));
            return null;
        });
        computer.run(Computer.example(example), args,
                stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8));
        return log.toString();
    }

    @Test
    void cat() throws Exception {
        String out = strace("cat", List.of(), "one\ntwo\n");
        System.out.println(out);
    }

    @Test
    void explore() throws Exception {
        System.out.println(strace("forkwait", List.of(), null));
        System.out.println(strace("fault", List.of("null-read"), null));
        System.out.println(strace("pipeline", List.of(), null));
        System.out.println(strace("rlimits", List.of(), null));
    }

    @Test
    void hello() throws Exception {
        String out = strace("hello", List.of("a"), null);
        System.out.println(out);
    }
}
