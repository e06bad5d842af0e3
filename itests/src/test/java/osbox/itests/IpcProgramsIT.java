package osbox.itests;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import org.junit.Test;

/**
 * The IPC bundles (bundles/ipc: eventfd, unixsocket, epoll) in the real
 * distribution: the epoll event loop, which also uses a socketpair and an
 * eventfd, prints through the osbox script what qemu-riscv64 printed, so
 * the bundles' components are bound (their Kernel reference injected by
 * SCR) and their calls installed in the kernel's whiteboard.
 */
public class IpcProgramsIT {

    @Test
    public void theEpollEventLoopRunsAsUnderQemu() throws Exception {
        OsboxCommand.Result r = OsboxCommand.of("run", "examples/programs/ipc/epolloop.elf").run();
        String expected = Files.readString(OsboxCommand.ROOT.resolve("examples/programs/ipc/expected/epolloop.out"));
        assertEquals(r.describe(), 0, r.status());
        assertEquals(r.describe(), expected, r.out());
    }
}
