package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process ABI of real programs, compared with qemu-riscv64: Debian's
 * busybox-static runs the shell's fork-and-exec paths (glibc's fork is
 * clone with CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID), and examples/programs
 * glibc-abi checks fork, vfork, wait4's rusage, getrusage, times, prctl,
 * sysinfo, poll, ppoll, select, clock_nanosleep and the id calls. The
 * expected texts are what qemu-riscv64 printed: for busybox, with PATH
 * holding one wrapper per applet that starts busybox under qemu again (as
 * scripts/record-busybox-reference does); here PATH=/host holds busybox
 * under each applet's name, since the execve of /proc/self/exe that busybox
 * tries first is not served yet.
 */
class AbiProgramsTest {
    @TempDir
    Path host;

    // Runs busybox sh -c script with /host holding busybox as itself and as cat, tr, wc and sh.
    private Computer.Result busybox(String script) throws Exception {
        Path busybox = DebianPackagesTest.fetchPackage("busybox-static").resolve("usr/bin/busybox");
        for (String name : List.of("busybox", "cat", "tr", "wc", "sh")) {
            Files.copy(busybox, host.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Computer computer = Computer.boot(Computer.Options.defaults().withHostDir(host))) {
            return computer.run("/host/busybox", Files.readAllBytes(busybox), List.of("sh", "-c", "PATH=/host; " + script),
                    new byte[0]);
        }
    }

    private void sameAsQemu(String script, String qemuOutput) throws Exception {
        Computer.Result r = busybox(script);
        assertEquals(qemuOutput, r.stdoutText(), script);
        assertEquals(0, r.shellStatus(), script);
    }

    @Test
    void aPipeOfTwoForksTwice() throws Exception {
        sameAsQemu("echo a | cat", "a\n");
    }

    @Test
    void commandSubstitutionReadsAForkedChildsOutput() throws Exception {
        sameAsQemu("x=$(echo hi); echo $x", "hi\n");
    }

    @Test
    void aPipelineOfThree() throws Exception {
        sameAsQemu("echo abc | tr a-z A-Z | wc -c", "4\n");
    }

    @Test
    void exitStatusesOfSubshellsAndCommands() throws Exception {
        sameAsQemu("(exit 3); echo $?; false; echo $?; sh -c 'exit 4'; echo $?", "3\n1\n4\n");
    }

    @Test
    void waitForABackgroundJob() throws Exception {
        sameAsQemu("true & wait; echo waited $?; sh -c 'exit 4' & wait $!; echo $?", "waited 0\n4\n");
    }

    @Test
    void aGlibcProgramOfTheProcessCallsPrintsWhatQemuPrinted() throws Exception {
        Path dir = Computer.repositoryRoot().resolve("examples/programs/glibc-abi");
        try (Computer computer = Computer.boot(Computer.Options.defaults())) {
            Computer.Result r = computer.run(dir.resolve("glibc-abi.elf"), List.of(), new byte[0]);
            assertEquals(Files.readString(dir.resolve("glibc-abi.qemu.out")), r.stdoutText());
            assertEquals(0, r.shellStatus());
        }
    }
}
