package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.kernel.SyscallTracing;

/** osbox:strace: on, off and a file, through the kernel's SyscallTracing service (a fake here). */
class StraceCommandsTest {
    @TempDir
    Path dir;

    /** A kernel with processes 1 and 2 whose tracing writes one line when turned on. */
    private final Map<Integer, Appendable> traced = new TreeMap<>();
    private final SyscallTracing tracing = new SyscallTracing() {
        @Override
        public boolean trace(int pid, Appendable out, boolean followForks) {
            if (pid > 2 || !followForks) {
                return false;
            }
            traced.put(pid, out);
            try {
                out.append("[pid ").append(Integer.toString(pid)).append("] getpid() = ").append(Integer.toString(pid))
                        .append('\n');
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return true;
        }

        @Override
        public boolean untrace(int pid) {
            return traced.remove(pid) != null;
        }
    };
    private final StraceCommands commands = new StraceCommands(tracing);
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(shown, true, StandardCharsets.UTF_8);

    @Test
    void onTracesIntoTheConsoleAndOffStops() {
        assertEquals("osbox:strace: tracing pid 1 (and its new children) into this console",
                commands.straceText(1, "on", console, dir));
        assertSame(console, traced.get(1));
        assertEquals("[pid 1] getpid() = 1\n", shown.toString(StandardCharsets.UTF_8));
        assertEquals("osbox:strace: pid 1 is no longer traced", commands.straceText(1, "off", console, dir));
        assertEquals("osbox:strace: pid 1 was not traced", commands.straceText(1, "off", console, dir));
    }

    @Test
    void aFileGetsTheLinesAndABadOneOrAMissingProcessIsOneLine() throws IOException {
        assertEquals("osbox:strace: tracing pid 2 (and its new children) into t.txt",
                commands.straceText(2, "t.txt", console, dir));
        assertEquals("[pid 2] getpid() = 2\n", Files.readString(dir.resolve("t.txt")));
        commands.straceText(2, "off", console, dir);
        assertEquals("osbox:strace: nowhere/t.txt: No such file or directory",
                commands.straceText(2, "nowhere/t.txt", console, dir));
        assertEquals("osbox:strace: no such process: 7", commands.straceText(7, "on", console, dir));
        assertEquals("", shown.toString(StandardCharsets.UTF_8));
    }
}
