package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * System V IPC in a real shell session through the osbox script (issue 11,
 * point 4): a glibc program leaves a message queue and a semaphore set
 * behind, and {@code ipc:list} shows them, as a table and as JSON.
 */
public class SysvIpcIT {

    @Test
    public void ipcListShowsTheObjectsAProgramLeftBehind() throws Exception {
        OsboxCommand.Result r = OsboxCommand.of().stdin(String.join("\n",
                "ipc:list",
                "osbox:run examples/programs/glibc-ipc/ipcmake.elf keep",
                "ipc:list",
                "ipc:list --json",
                "ipc:list extra",
                "")).run();
        String out = r.out();
        assertEquals(r.describe(), 0, r.status());
        assertTrue(r.describe(), out.contains("ipc:list: no IPC objects\n"));
        assertTrue(r.describe(), out.contains("queue 0x5eed: 2 messages, 11 bytes, mode 640"));
        assertTrue(r.describe(), out.contains("KIND  KEY         ID  OWNER  GROUP  PERMS  SIZE  COUNT  WAITERS\n"
                + "msg   0x00005eed   0      0      0  640      11      2        0\n"
                + "sem   0x00005eee   0      0      0  600       3      -        0\n"));
        assertTrue(r.describe(), out.contains("{\"kind\": \"msg\", \"key\": \"0x00005eed\", \"id\": 0, \"uid\": 0, "
                + "\"gid\": 0, \"perms\": \"640\", \"size\": 11, \"count\": 2, \"waiters\": 0}"));
        assertTrue(r.describe(), out.contains("usage: ipc:list [--json]"));
    }
}
