package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The System V IPC example programs (examples/programs/glibc-ipc: message
 * queue client and server, semaphores between processes, a shared-memory
 * client and server and the shm calls' errors; static glibc, built with
 * Debian's riscv64-linux-gnu-gcc) under osbox, with the bundles of
 * bundles/ipc bound as the distribution binds them: stdout and status must
 * equal what qemu-riscv64 gave (recorded in glibc-ipc/expected/), and where
 * qemu-riscv64 is installed, what it gives now.
 */
class SysvIpcProgramsTest {
    static final ExampleCases EXAMPLES = new ExampleCases("glibc-ipc", "SysvIpcProgramsTest");
    private static Computer computer;

    static Stream<CaseFile.Case> cases() throws IOException {
        return EXAMPLES.cases();
    }

    @BeforeAll
    static void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
    }

    @AfterAll
    static void off() {
        computer.close();
    }

    @Test
    void everyProgramIsBuiltAndHasACaseWithItsRecordedOutput() throws IOException {
        assertFalse(EXAMPLES.assertEveryProgramIsBuiltAndHasACase().isEmpty(), "programs in " + EXAMPLES.dir);
    }

    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "osbox: {0}")
    @MethodSource("cases")
    void osboxMatchesTheRecordedReference(CaseFile.Case c) throws Exception {
        EXAMPLES.runAndCompare(computer, c);
    }

    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "qemu: {0}")
    @MethodSource("cases")
    void osboxMatchesQemuNow(CaseFile.Case c) throws Exception {
        EXAMPLES.osboxMatchesQemuNow(computer, c);
    }

    /** The shared-memory client and server (shmring) on two harts: the same output as on one. */
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "osbox, two harts: {0}")
    @MethodSource("sharedMemoryCases")
    void sharedMemoryProgramsMatchOnTwoHarts(CaseFile.Case c) throws Exception {
        try (Computer two = Computer.boot(Computer.Options.defaults().withHarts(2))) {
            EXAMPLES.runAndCompare(two, c);
        }
    }

    static Stream<CaseFile.Case> sharedMemoryCases() throws IOException {
        return cases().filter(c -> c.program().equals("shmring"));
    }
}
