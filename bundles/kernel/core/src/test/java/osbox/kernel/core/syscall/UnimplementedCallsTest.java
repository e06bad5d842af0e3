package osbox.kernel.core.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What osbox does not implement is reported once per number per kernel, by Linux's name. */
class UnimplementedCallsTest {
    private final List<String> lines = new ArrayList<>();
    private final UnimplementedCalls calls = new UnimplementedCalls(lines::add);

    @Test
    void eachNumberIsReportedOnceWithItsLinuxName() {
        assertTrue(calls.answered("pid 1 (prog.elf)", 174));
        assertFalse(calls.answered("pid 2 (other)", 174), "once per kernel, whoever calls it again");
        assertTrue(calls.answered("pid 2 (other)", 293));
        assertEquals(List.of("pid 1 (prog.elf): system call 174 getuid not implemented (ENOSYS)",
                "pid 2 (other): system call 293 rseq not implemented (ENOSYS)"), lines);
    }

    @Test
    void aNumberLinuxDoesNotHaveSaysSo() {
        calls.answered("pid 1 (p)", 250);
        calls.answered("pid 1 (p)", -1);
        assertEquals(List.of("pid 1 (p): system call 250 (no Linux riscv64 call has this number) not implemented (ENOSYS)",
                "pid 1 (p): system call -1 (no Linux riscv64 call has this number) not implemented (ENOSYS)"), lines);
    }

    @Test
    void aNewKernelReportsAfresh() {
        calls.answered("pid 1 (p)", 174);
        UnimplementedCalls nextBoot = new UnimplementedCalls(lines::add);
        assertTrue(nextBoot.answered("pid 1 (p)", 174));
        assertEquals(2, lines.size());
    }

    @Test
    void linuxNamesCoverTheRiscvCallsAndTheHoles() {
        assertEquals("io_setup", LinuxSyscallNames.name(0));
        assertEquals(null, LinuxSyscallNames.name(38), "riscv64 has no renameat");
        assertEquals("riscv_hwprobe", LinuxSyscallNames.name(258));
        assertEquals("riscv_flush_icache", LinuxSyscallNames.name(259));
        assertEquals(null, LinuxSyscallNames.name(403), "32-bit time64 calls");
        assertEquals("setxattrat", LinuxSyscallNames.name(LinuxSyscallNames.LAST));
        assertEquals(null, LinuxSyscallNames.name(LinuxSyscallNames.LAST + 1));
    }
}
