package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real example programs on the whole computer: output, exit status, kills. */
class ProgramsTest {
    private Computer computer;

    @BeforeEach
    void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
    }

    @AfterEach
    void off() {
        computer.close();
    }

    @Test
    void helloPrintsItsArgumentsAndExitsZero() throws Exception {
        Computer.Result r = computer.run(Computer.example("hello"), List.of("a", "b c"), null);
        assertEquals(0, r.shellStatus(), r.stdoutText());
        assertTrue(r.stdoutText().startsWith("Hello from osbox!"), r.stdoutText());
        assertTrue(r.stdoutText().contains("b c"), r.stdoutText());
        assertNull(r.killReport());
        assertTrue(r.instructions() > 1000, "ran real code: " + r.instructions());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "3, 3", "255, 255", "256, 0"})
    void exitStatusIsTheLowByteOfTheCode(String arg, int expected) throws Exception {
        Computer.Result r = computer.run(Computer.example("exitcode"), List.of(arg), null);
        assertEquals(expected, r.shellStatus());
    }

    @ParameterizedTest
    @CsvSource({
        "null-read, 139, load page fault",
        "null-write, 139, store/AMO page fault",
        "write-text, 139, store/AMO page fault",
        "exec-data, 139, instruction page fault",
        "stack-overflow, 139, page fault",
        "illegal, 132, illegal instruction",
        "privileged, 132, illegal instruction"})
    void faultsKillOnlyTheProgramWithTheRightSignal(String kind, int status, String cause) throws Exception {
        Computer.Result r = computer.run(Computer.example("fault"), List.of(kind), null);
        assertEquals(status, r.shellStatus(), r.stdoutText());
        assertNotNull(r.killReport());
        assertTrue(r.killReport().contains(cause), r.killReport());
        assertTrue(r.killReport().contains("pc=0x"), r.killReport());
        // the kernel and the machine go on: another program runs fine afterwards
        Computer.Result next = computer.run(Computer.example("exitcode"), List.of("7"), null);
        assertEquals(7, next.shellStatus());
    }

    @Test
    void nullReadReportsAddressZero() throws Exception {
        Computer.Result r = computer.run(Computer.example("fault"), List.of("null-read"), null);
        assertTrue(r.killReport().contains("address 0x0"), r.killReport());
        assertTrue(r.killReport().contains("SIGSEGV"), r.killReport());
    }

    @Test
    void badPointersGiveEfaultNotAHostException() throws Exception {
        Computer.Result r = computer.run(Computer.example("fault"), List.of("bad-pointer"), null);
        assertEquals(0, r.shellStatus(), r.stdoutText());
        assertTrue(r.stdoutText().contains("-14"), r.stdoutText());
    }

    @Test
    void catCopiesConsoleInputUntilEndOfInput() throws Exception {
        byte[] in = "line one\nline two\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        Computer.Result r = computer.run(Computer.example("cat"), List.of(), in);
        assertEquals(0, r.shellStatus());
        assertEquals(new String(in, StandardCharsets.UTF_8), r.stdoutText());
    }

    @Test
    void mallocHeavyProgramCompletes() throws Exception {
        Computer.Result r = computer.run(Computer.example("mallocfun"), List.of(), null);
        assertEquals(0, r.shellStatus(), r.stdoutText());
        assertTrue(r.stdoutText().length() > 100, r.stdoutText());
    }

    @Test
    void unknownSyscallAnswersEnosysAndIsTraced() throws Exception {
        Computer.Result r = computer.run(Computer.example("sysinfo"), List.of(), null);
        assertEquals(0, r.shellStatus(), r.stdoutText());
        assertTrue(r.stdoutText().contains("-38"), r.stdoutText());
        boolean traced = computer.machine().tracer().events().stream()
                .anyMatch(e -> e.kind() == osbox.api.trace.TraceKind.SYSCALL_UNKNOWN);
        assertTrue(traced, "ENOSYS shows in the trace");
    }

    @Test
    void refusesFilesThatAreNotRiscvExecutables() throws Exception {
        assertEquals("empty file", computer.refusal(new byte[0]));
        assertTrue(computer.refusal("hello\n".getBytes(StandardCharsets.UTF_8)).contains("not an ELF"));
    }
}
