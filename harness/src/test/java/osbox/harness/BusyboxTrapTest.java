package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Debian's busybox sh with signal handlers, on osbox against qemu-riscv64:
 * {@code trap} installs handlers with rt_sigaction, {@code kill $$} sends
 * the signal to the shell itself, and the trap's command runs from the
 * handler's flag before the next command (issue 10, point 2). The
 * recorded case sh-trap-signals (builtins only, no fork) must give
 * qemu's output and status.
 */
class BusyboxTrapTest {
    @Test
    void trapRunsOnASignalTheShellSendsItself() throws Exception {
        Path busybox = DebianPackagesTest.fetchPackage("busybox-static").resolve("usr/bin/busybox");
        BusyboxCases.Case c = BusyboxCases.read().stream().filter(x -> x.name().equals("sh-trap-signals"))
                .findFirst().orElseThrow();
        try (Computer computer = Computer.boot(Computer.Options.defaults())) {
            Computer.Result r = computer.run("busybox", Files.readAllBytes(busybox),
                    List.of("sh", "-c", c.script()), new byte[0]);
            assertEquals(new String(c.stdout()), r.stdoutText(), "stdout" + (r.killReport() == null ? ""
                    : ": " + r.killReport()));
            assertEquals(c.status(), r.shellStatus());
        }
    }
}
