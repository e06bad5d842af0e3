package osbox.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.LinuxSyscallNames;
import osbox.kernel.core.syscall.SyscallStatus;
import osbox.kernel.core.syscall.SyscallTable;

/**
 * docs/syscalls.md, written from a booted machine's system-call table (the
 * kernel's own calls and the bundles' handlers, each with the status its
 * registration declares) over Linux riscv64's numbers 0 to
 * {@link LinuxSyscallNames#LAST}. {@link #main} rewrites the file;
 * SyscallsDocTest fails while the committed file differs.
 */
final class SyscallsDoc {
    /** Where the document lives, under the repository root. */
    static final String PATH = "docs/syscalls.md";
    /** The command that rewrites it (SyscallsDocTest with the write property). */
    static final String REWRITE = "mvn -B -o -q verify -pl harness -am -Darchetype.test.skip -Dtest=SyscallsDocTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dosbox.syscalls.write=true";

    private SyscallsDoc() {
    }

    /** Boots the default machine and writes docs/syscalls.md from its table. */
    public static void main(String[] args) throws Exception {
        Path file = Computer.repositoryRoot().resolve(PATH);
        Files.writeString(file, generate(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    /** The document for the default machine's table (booted and closed here). */
    static String generate() throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults())) {
            return c.machine().call(() -> render(c.kernel().syscalls()));
        }
    }

    /** The committed document, or "" when there is none. */
    static String committed() throws IOException {
        Path file = Computer.repositoryRoot().resolve(PATH);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /**
     * The document for {@code table}: a row per Linux riscv64 number (runs
     * of numbers Linux gives no call, for one reason, folded into one row), then the calls
     * installed beyond Linux's numbers. Call on the simulation thread.
     */
    static String render(SyscallTable table) {
        int[] counts = new int[SyscallStatus.Level.values().length];
        int missing = 0;
        StringBuilder rows = new StringBuilder();
        for (int n = 0; n <= LinuxSyscallNames.LAST; n++) {
            String name = LinuxSyscallNames.name(n);
            if (name == null) {
                int last = n;
                while (last < LinuxSyscallNames.LAST && LinuxSyscallNames.name(last + 1) == null
                        && hole(last + 1).equals(hole(n))) {
                    last++;
                }
                String numbers = last == n ? Integer.toString(n) : n + "-" + last;
                rows.append(row(numbers, "", "", hole(n)));
                n = last;
                continue;
            }
            SyscallStatus s = table.status(n);
            if (s == null) {
                missing++;
                rows.append(row(Integer.toString(n), name, "ENOSYS", ""));
            } else {
                counts[s.level().ordinal()]++;
                rows.append(row(Integer.toString(n), name, s.level().label(), s.note()));
            }
        }
        StringBuilder beyond = new StringBuilder();
        for (int n = LinuxSyscallNames.LAST + 1; n < Syscalls.TABLE_SIZE; n++) {
            if (table.installed(n)) {
                SyscallStatus s = table.status(n);
                beyond.append(row(Integer.toString(n), table.name(n), s.level().label(), s.note()));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# System calls\n\n")
                .append("What osbox implements of each Linux riscv64 system call (numbers 0 to ")
                .append(LinuxSyscallNames.LAST)
                .append(": the asm-generic table as riscv64 configures it, with riscv_hwprobe and ")
                .append("riscv_flush_icache), like gVisor's compatibility table.\n\n")
                .append("Generated from the system-call table of a booted machine (the kernel's own calls in ")
                .append("`KernelCalls`, each bundle's handlers with their `osbox.syscall.status` property); ")
                .append("do not edit it by hand. `SyscallsDocTest` fails while this file differs from what the ")
                .append("table gives; rewrite it with\n\n    ").append(REWRITE).append("\n\n")
                .append("- **full**: every argument and error case of Linux's call (checked in its handler).\n")
                .append("- **partial**: works except for what the note says.\n")
                .append("- **ENOSYS**: not implemented; the call answers -ENOSYS (38). Without a note, the first ")
                .append("call of each such number in a boot is logged once, with its name: ")
                .append("`pid 1 (prog): system call 167 prctl not implemented (ENOSYS)`. With a note, it is ")
                .append("installed to answer ENOSYS on purpose, quietly.\n")
                .append("- **undeclared**: implemented by a handler whose registration does not say how ")
                .append("completely.\n\n")
                .append("Linux riscv64 has ").append(named()).append(" calls up to ")
                .append(LinuxSyscallNames.LAST).append(": ")
                .append(counts[SyscallStatus.Level.FULL.ordinal()]).append(" full, ")
                .append(counts[SyscallStatus.Level.PARTIAL.ordinal()]).append(" partial, ")
                .append(missing + counts[SyscallStatus.Level.ENOSYS.ordinal()]).append(" ENOSYS")
                .append(counts[SyscallStatus.Level.UNDECLARED.ordinal()] == 0 ? ""
                        : ", " + counts[SyscallStatus.Level.UNDECLARED.ordinal()] + " undeclared")
                .append(".\n\n")
                .append("| Number | Name | Status | Notes |\n")
                .append("|-------:|------|--------|-------|\n")
                .append(rows);
        if (beyond.length() > 0) {
            out.append("\n## Beyond Linux's numbers\n\n")
                    .append("osbox's own calls (from ").append(Syscalls.OSBOX_PRIVATE_BASE).append(" up).\n\n")
                    .append("| Number | Name | Status | Notes |\n")
                    .append("|-------:|------|--------|-------|\n")
                    .append(beyond);
        }
        return out.toString();
    }

    // One table row; an empty cell is "| |".
    private static String row(String... cells) {
        StringBuilder b = new StringBuilder("|");
        for (String c : cells) {
            b.append(c.isEmpty() ? " |" : " " + c.replace("|", "\\|") + " |");
        }
        return b.append('\n').toString();
    }

    // Why a number has no call on Linux riscv64.
    private static String hole(int n) {
        if (n >= 244 && n < 258) {
            return "no call: the architecture-specific range (riscv64 uses 258 and 259)";
        }
        if (n >= 403 && n <= 423) {
            return "no call on 64-bit Linux (32-bit architectures' 64-bit time calls)";
        }
        return "no call with this number on Linux riscv64";
    }

    // How many numbers up to LAST Linux riscv64 names.
    private static int named() {
        int n = 0;
        for (int i = 0; i <= LinuxSyscallNames.LAST; i++) {
            n += LinuxSyscallNames.name(i) == null ? 0 : 1;
        }
        return n;
    }
}
