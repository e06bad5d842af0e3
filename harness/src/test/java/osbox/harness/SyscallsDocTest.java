package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * docs/syscalls.md is what the system-call table says: the test fails
 * while they differ (with the command that rewrites the file), and with
 * -Dosbox.syscalls.write=true it rewrites the file first.
 */
class SyscallsDocTest {
    @Test
    void theCommittedDocumentIsWhatTheTableGives() throws Exception {
        String generated = SyscallsDoc.generate();
        if (Boolean.getBoolean("osbox.syscalls.write")) {
            Files.writeString(Computer.repositoryRoot().resolve(SyscallsDoc.PATH), generated);
        }
        assertEquals(generated, SyscallsDoc.committed(),
                SyscallsDoc.PATH + " differs from the syscall table; rewrite it with: " + SyscallsDoc.REWRITE);
    }

    @Test
    void everyLinuxNumberHasARowWithItsStatus() throws Exception {
        String doc = SyscallsDoc.generate();
        assertTrue(doc.contains("| 64 | write | full | |"), "a kernel call checked full");
        assertTrue(doc.contains("| 220 | clone | partial | fork and vfork"), "a partial call says what is missing");
        assertTrue(doc.contains("| 160 | uname | full | |"), "a bundle's handler, from its status property");
        assertTrue(doc.contains("| 0 | io_setup | ENOSYS | |"), "an unimplemented call");
        assertTrue(doc.contains("| 244-257 | | | no call: the architecture-specific range"), "holes folded");
        assertTrue(doc.contains("| 259 | riscv_flush_icache |"));
        assertTrue(doc.contains("| 463 | setxattrat |"), "up to 463");
        assertTrue(doc.contains("CLONE_VM\\|CLONE_VFORK"), "a '|' in a note is escaped");
    }
}
