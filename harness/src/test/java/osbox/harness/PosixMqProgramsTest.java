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
 * mq_notify with ENOSYS.
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
}
