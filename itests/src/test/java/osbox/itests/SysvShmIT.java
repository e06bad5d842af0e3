package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * System V shared memory in a real shell session through the osbox script
 * (issue 11, point 4): a glibc program leaves a segment behind, and
 * {@code ipc:list} shows it with its bytes, attachments and status, as a
 * table and as JSON.
 */
public class SysvShmIT {

    @Test
    public void ipcListShowsTheSegmentAProgramLeftBehind() throws Exception {
        OsboxCommand.Result r = OsboxCommand.of().stdin(String.join("\n",
                "osbox:run examples/programs/glibc-ipc/shmcalls.elf keep",
                "ipc:list",
                "ipc:list --json",
                "")).run();
        String out = r.out();
        assertEquals(r.describe(), 0, r.status());
        assertTrue(r.describe(), out.contains("segment 0x73686d32 kept: 5000 bytes, mode 640"));
        assertTrue(r.describe(), out.contains("KIND  KEY         ID  OWNER  GROUP  PERMS  SIZE  COUNT  WAITERS  STATUS\n"
                + "shm   0x73686d32   0      0      0  640    5000      0        0  -\n"));
        assertTrue(r.describe(), out.contains("{\"kind\": \"shm\", \"key\": \"0x73686d32\", \"id\": 0, \"uid\": 0, "
                + "\"gid\": 0, \"perms\": \"640\", \"size\": 5000, \"count\": 0, \"waiters\": 0, \"status\": \"-\"}"));
    }
}
