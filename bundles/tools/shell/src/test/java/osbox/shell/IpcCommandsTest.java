package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.ipc.IpcObjectInfo;
import osbox.api.ipc.IpcTable;

/** ipc:list: every IPC bundle's objects as one table sorted by kind and id, or JSON. */
class IpcCommandsTest {
    private static IpcTable table(String kind, IpcObjectInfo... rows) {
        return new IpcTable() {
            @Override public String kind() { return kind; }
            @Override public List<IpcObjectInfo> objects() { return List.of(rows); }
        };
    }

    @Test
    void listsEveryTableSortedByKindThenId() throws Exception {
        IpcCommands ipc = new IpcCommands(null);
        assertEquals("ipc:list: no IPC bundle is running\n", ipc.listText());
        ipc.addTable(table("sem", new IpcObjectInfo("sem", 0x5eee, 32769, 0, 0, 0600, 3, 0, 1)));
        ipc.addTable(table("msg", new IpcObjectInfo("msg", 0x5eed, 1, 1000, 100, 0640, 11, 2, 0),
                new IpcObjectInfo("msg", 0, 0, 0, 0, 0600, 0, 0, 0)));
        assertEquals(String.join("\n",
                "KIND  KEY            ID  OWNER  GROUP  PERMS  SIZE  COUNT  WAITERS",
                "msg   0x00000000      0      0      0  600       0      0        0",
                "msg   0x00005eed      1   1000    100  640      11      2        0",
                "sem   0x00005eee  32769      0      0  600       3      -        1", ""), ipc.listText());
        assertEquals("[\n  {\"kind\": \"msg\", \"key\": \"0x00000000\", \"id\": 0, \"uid\": 0, \"gid\": 0, \"perms\": \"600\", "
                + "\"size\": 0, \"count\": 0, \"waiters\": 0},\n"
                + "  {\"kind\": \"msg\", \"key\": \"0x00005eed\", \"id\": 1, \"uid\": 1000, \"gid\": 100, \"perms\": \"640\", "
                + "\"size\": 11, \"count\": 2, \"waiters\": 0},\n"
                + "  {\"kind\": \"sem\", \"key\": \"0x00005eee\", \"id\": 32769, \"uid\": 0, \"gid\": 0, \"perms\": \"600\", "
                + "\"size\": 3, \"count\": 0, \"waiters\": 1}\n]\n", ipc.listJson());
        ipc.addTable(table("shm", new IpcObjectInfo("shm", 0, 65536, 1000, 100, 01600, 5000, 2, 0),
                new IpcObjectInfo("shm", 0x5eef, 3, 0, 0, 0640, 4096, 0, 0)));
        assertEquals(String.join("\n",
                "KIND  KEY            ID  OWNER  GROUP  PERMS  SIZE  COUNT  WAITERS  STATUS",
                "msg   0x00000000      0      0      0  600       0      0        0  -",
                "msg   0x00005eed      1   1000    100  640      11      2        0  -",
                "sem   0x00005eee  32769      0      0  600       3      -        1  -",
                "shm   0x00005eef      3      0      0  640    4096      0        0  -",
                "shm   0x00000000  65536   1000    100  600    5000      2        0  dest", ""), ipc.listText(),
                "segments add a STATUS column: dest after IPC_RMID while attached");
        String json = ipc.listJson();
        assertEquals(true, json.contains("{\"kind\": \"shm\", \"key\": \"0x00000000\", \"id\": 65536, \"uid\": 1000, "
                + "\"gid\": 100, \"perms\": \"600\", \"size\": 5000, \"count\": 2, \"waiters\": 0, \"status\": \"dest\"}"),
                json);
        IpcCommands empty = new IpcCommands(null);
        empty.addTable(table("shm"));
        assertEquals("ipc:list: no IPC objects\n", empty.listText());
        assertEquals("[]\n", empty.listJson());
    }

    @Test
    void posixQueuesAreListedByNameAfterTheSystemVObjects() throws Exception {
        IpcCommands ipc = new IpcCommands(null);
        ipc.addTable(table("mq", new IpcObjectInfo("mq", 0, 0, 1000, 100, 0640, 300, 3, 1, "/jobs"),
                new IpcObjectInfo("mq", 0, 0, 0, 0, 0600, 0, 0, 0, "/q\"uote")));
        ipc.addTable(table("msg", new IpcObjectInfo("msg", 0x5eed, 1, 0, 0, 0600, 11, 2, 0)));
        assertEquals(String.join("\n",
                "KIND  KEY         ID  OWNER  GROUP  PERMS  SIZE  COUNT  WAITERS  NAME",
                "msg   0x00005eed   1      0      0  600      11      2        0  -",
                "mq    -            -   1000    100  640     300      3        1  /jobs",
                "mq    -            -      0      0  600       0      0        0  /q\"uote", ""), ipc.listText());
        assertEquals("[\n  {\"kind\": \"msg\", \"key\": \"0x00005eed\", \"id\": 1, \"uid\": 0, \"gid\": 0, "
                + "\"perms\": \"600\", \"size\": 11, \"count\": 2, \"waiters\": 0},\n"
                + "  {\"kind\": \"mq\", \"name\": \"/jobs\", \"uid\": 1000, \"gid\": 100, \"perms\": \"640\", "
                + "\"size\": 300, \"count\": 3, \"waiters\": 1},\n"
                + "  {\"kind\": \"mq\", \"name\": \"/q\\\"uote\", \"uid\": 0, \"gid\": 0, \"perms\": \"600\", "
                + "\"size\": 0, \"count\": 0, \"waiters\": 0}\n]\n", ipc.listJson());
    }
}
