package osbox.kernel.core.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * strace through the kernel's real system-call trap on a bench: one line
 * per call with its final result (a call that sleeps and restarts prints
 * once), out-arguments after the call, unknown calls raw, fork following,
 * the end of a process.
 */
class StraceTrapTest {
    private final KernelBench k = new KernelBench();
    private final StringWriter log = new StringWriter();
    private Process p;
    private long buf;

    @BeforeEach
    void start() throws Exception {
        p = k.spawn("traced");
        buf = k.map(p, 2);
        p.setTraced(new SyscallTracer(n -> k.kernel.syscalls().name((int) n)).start(new StraceLog(log, true, "test")));
    }

    @Test
    void aCallThatSleepsAndRestartsPrintsOneLineWithItsFinalResult() {
        assertEquals(0, k.call(p, Syscalls.PIPE2, buf, 0));
        int r = k.intAt(p, buf);
        int w = k.intAt(p, buf + 4);
        Process child = k.process(k.call(p, Syscalls.CLONE, 17, 0, 0, 0, 0));
        k.sleeps(p, Syscalls.READ, r, buf + 512, 16);
        assertEquals("[pid 1] pipe2([0, 1], 0)                = 0\n"
                + "[pid 1] clone(child_stack=NULL, flags=SIGCHLD) = 2\n", log.toString(), "nothing for the sleep");
        assertEquals(true, child.userMemory().write(buf + 256, "wake up".getBytes(), 0, 7));
        assertEquals(7, k.call(child, Syscalls.WRITE, w, buf + 256, 7));
        k.settle();
        assertEquals(7, k.call(p, Syscalls.READ, r, buf + 512, 16));
        assertEquals("[pid 1] pipe2([0, 1], 0)                = 0\n"
                + "[pid 1] clone(child_stack=NULL, flags=SIGCHLD) = 2\n"
                + "[pid 2] write(1, \"wake up\", 7)          = 7\n"
                + "[pid 1] read(0, \"wake up\", 16)          = 7\n", log.toString());
    }

    @Test
    void errorsUnknownCallsAndTheEndArePrintedAsStraceDoes() {
        k.putString(p, buf, "/no/such/file");
        k.call(p, Syscalls.CLOSE, 42);
        k.call(p, 500, 1, 2, 0, 0, 0, 0);
        k.call(p, 5, 0x10, 0, 0, 0, 0, 0);   // setxattr: Linux names it, the kernel has no handler
        k.exit(p, 3);
        assertEquals("[pid 1] close(42)                       = -1 EBADF (Bad file descriptor)\n"
                + "[pid 1] syscall_0x1f4(0x1, 0x2, 0, 0, 0, 0) = -1 ENOSYS (Function not implemented)\n"
                + "[pid 1] setxattr(0x10, 0, 0, 0, 0, 0)   = -1 ENOSYS (Function not implemented)\n"
                + "[pid 1] exit_group(3)                   = ?\n"
                + "[pid 1] +++ exited with 3 +++\n", log.toString());
    }

    @Test
    void turnedOffTheCallPathPrintsNothing() {
        p.setTraced(null);
        k.call(p, Syscalls.GETPID);
        assertEquals("", log.toString());
    }
}
