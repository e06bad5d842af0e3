package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POSIX message queues (the osbox.ipc.posixmq bundle) under real glibc
 * programs, examples/programs/glibc-mq: mqserver (a client and a forked
 * server over two queues: priorities, blocking, timeouts, O_NONBLOCK, the
 * errors, EINTR and SA_RESTART, poll, unlink while open) prints what
 * qemu-riscv64 printed; mqnotify (mq_notify and mq_getsetattr) prints what
 * the same source printed on Linux itself, since qemu-user answers
 * mq_notify with ENOSYS (so mqnotify has no live comparison). mqserver
 * and mqswap (messages one program leaves in a queue, drained by the next)
 * are also compared with qemu-riscv64 live where it is installed.
 */
class PosixMqProgramsTest {
    static final Path DIR = Computer.repositoryRoot().resolve("examples/programs/glibc-mq");

    // Runs NAME.elf on a fresh machine and compares stdout and status with the recording.
    private static void runAndCompare(String name, String recording) throws Exception {
        try (Computer computer = Computer.boot(Computer.Options.defaults())) {
            Computer.Result r = computer.run(DIR.resolve(name + ".elf"), List.of(), new byte[0]);
            assertEquals(Files.readString(DIR.resolve(recording)), r.stdoutText(), name);
            assertEquals(0, r.shellStatus(), name + (r.killReport() == null ? "" : ": " + r.killReport()));
        }
    }

    @Test
    void aClientAndAForkedServerPrintWhatQemuPrinted() throws Exception {
        runAndCompare("mqserver", "mqserver.qemu.out");
    }

    @Test
    void notificationsPrintWhatLinuxPrinted() throws Exception {
        runAndCompare("mqnotify", "mqnotify.linux.out");
    }

    @Test
    void aClientAndAForkedServerPrintWhatQemuPrintsNow() throws Exception {
        QemuUser.assumePresent("PosixMqProgramsTest");
        QemuUser.Run q = QemuUser.run(DIR, new CaseFile.Case("mqserver", List.of(), "-", 0));
        try (Computer computer = Computer.boot(Computer.Options.defaults())) {
            Computer.Result r = computer.run(DIR.resolve("mqserver.elf"), List.of(), new byte[0]);
            assertEquals(q.stdoutText(), r.stdoutText(), "mqserver");
            assertEquals(q.status(), r.shellStatus(), "mqserver");
        }
    }

    @Test
    void messagesLeftInAQueueByOneProgramAreDrainedByTheNextAsUnderQemu() throws Exception {
        String recorded = Files.readString(DIR.resolve("mqswap.fill-drain.qemu.out"));
        assertEquals(recorded, fillThenDrain(), "mqswap fill 10, then mqswap drain, on one machine");
        QemuUser.assumePresent("PosixMqProgramsTest");
        QemuUser.Run fill = QemuUser.run(DIR, new CaseFile.Case("mqswap", List.of("fill", "10"), "-", 0));
        QemuUser.Run drain = QemuUser.run(DIR, new CaseFile.Case("mqswap", List.of("drain"), "-", 0));
        assertEquals(0, fill.status() | drain.status(), "qemu's fill and drain");
        assertEquals(fill.stdoutText() + drain.stdoutText(), recorded, "qemu-riscv64 now");
    }

    // Runs "mqswap fill 10" and then "mqswap drain" on one machine: their stdout, concatenated.
    private static String fillThenDrain() throws Exception {
        try (Computer computer = Computer.boot(Computer.Options.defaults())) {
            Computer.Result fill = computer.run(DIR.resolve("mqswap.elf"), List.of("fill", "10"), new byte[0]);
            assertEquals(0, fill.shellStatus(), "fill: " + fill.stdoutText());
            Computer.Result drain = computer.run(DIR.resolve("mqswap.elf"), List.of("drain"), new byte[0]);
            assertEquals(0, drain.shellStatus(), "drain: " + drain.stdoutText());
            return fill.stdoutText() + drain.stdoutText();
        }
    }
}
