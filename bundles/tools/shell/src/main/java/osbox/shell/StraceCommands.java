package osbox.shell;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.SyscallTracing;

/**
 * Gogo command {@code osbox:strace PID [on|off|FILE]}: strace for a running
 * process, from its next system call on, into this shell's console or a
 * file; the children it forks afterwards are traced too (as
 * {@code osbox run --strace}, strace -f). The files it opened are closed
 * when tracing of their process is turned off, or when the bundle stops.
 * Immediate: a delayed component would be disposed (its files closed)
 * each time Gogo releases it after a command.
 */
@Component(service = Object.class, immediate = true, property = {
    "osgi.command.scope=osbox",
    "osgi.command.function=strace"
})
public final class StraceCommands {

    private final SyscallTracing tracing;
    /** Files opened for a pid's trace, closed by "off" (by pid, ordered: closing is deterministic). */
    private final Map<Integer, PrintStream> files = new TreeMap<>();

    /** Wires the kernel's strace. */
    @Activate
    public StraceCommands(@Reference(name = "tracing") SyscallTracing tracing) {
        this.tracing = tracing;
    }

    /** Closes the files still open. */
    @Deactivate
    synchronized void deactivate() {
        files.values().forEach(PrintStream::close);
        files.clear();
    }

    /** {@code osbox:strace PID}: the same as {@code osbox:strace PID on}. */
    @Descriptor("trace a process's system calls and signals on this console (and its children's)")
    public void strace(CommandSession session, @Descriptor("process id (see osbox:ps)") int pid) {
        strace(session, pid, "on");
    }

    /** {@code osbox:strace PID on|off|FILE}; prints one line saying what happened. */
    @Descriptor("trace a process's system calls and signals (and its children's): on (this console), off, or FILE")
    public void strace(CommandSession session, @Descriptor("process id (see osbox:ps)") int pid,
            @Descriptor("on, off, or a file to write the trace to") String where) {
        Path cwd = session.currentDir() != null ? session.currentDir() : Path.of("").toAbsolutePath();
        session.getConsole().println(straceText(pid, where, session.getConsole(), cwd));
    }

    /** {@code osbox:strace} without a pid, or with too many arguments: prints its usage line. */
    @Descriptor("(osbox:strace needs a process id)")
    public void strace(CommandSession session, Object... args) {
        Usage.print(session, "osbox:strace");
    }

    /**
     * Does what {@code osbox:strace PID WHERE} does, {@code console} being
     * this shell's, file names relative to {@code cwd}; returns its one line.
     */
    synchronized String straceText(int pid, String where, PrintStream console, Path cwd) {
        if (where.equals("off")) {
            boolean was = tracing.untrace(pid);
            PrintStream file = files.remove(pid);
            if (file != null) {
                file.close();
            }
            return was ? "osbox:strace: pid " + pid + " is no longer traced"
                    : "osbox:strace: pid " + pid + " was not traced";
        }
        PrintStream out = console;
        String into = "this console";
        if (!where.equals("on")) {
            Path file = cwd.resolve(where);
            if (Files.isDirectory(file)) {
                return "osbox:strace: " + where + ": Is a directory";
            }
            try {
                out = new PrintStream(new FileOutputStream(file.toFile()), true, StandardCharsets.UTF_8);
            } catch (FileNotFoundException e) {
                return "osbox:strace: " + where + ": " + (Files.isDirectory(file.getParent() == null ? cwd
                        : file.getParent()) ? "Permission denied" : "No such file or directory");
            }
            into = where;
        }
        if (!tracing.trace(pid, out, true)) {
            if (out != console) {
                out.close();
            }
            return "osbox:strace: no such process: " + pid;
        }
        PrintStream old = out != console ? files.put(pid, out) : files.remove(pid);
        if (old != null && old != out) {
            old.close();
        }
        return "osbox:strace: tracing pid " + pid + " (and its new children) into " + into;
    }
}
