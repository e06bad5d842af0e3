package osbox.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import osbox.api.hw.Machine;
import osbox.api.ipc.IpcObjectInfo;
import osbox.api.ipc.IpcTable;

/**
 * Gogo command {@code ipc:list}, like ipcs: every System V message queue,
 * semaphore set and shared memory segment, and every POSIX message queue,
 * of the IPC bundles running now (each an {@link IpcTable} service; a
 * stopped bundle's objects are not listed), read on the simulation thread.
 * A NAME column (and a JSON "name") appears for POSIX queues, which have a
 * name instead of a key and an id.
 */
@Component(service = Object.class, property = {"osgi.command.scope=ipc", "osgi.command.function=list"})
public final class IpcCommands {
    private final Machine machine;
    private final List<IpcTable> tables = new CopyOnWriteArrayList<>();

    /** Reads the tables through the machine's simulation thread (null: on the caller's, for tests). */
    @Activate
    public IpcCommands(@Reference(name = "machine") Machine machine) {
        this.machine = machine;
    }

    /** An IPC bundle's table arrives. */
    @Reference(name = "tables", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTable(IpcTable table) {
        tables.add(table);
    }

    /** An IPC bundle's table leaves (the bundle stops or is updated). */
    void removeTable(IpcTable table) {
        tables.remove(table);
    }

    /** Prints the table of IPC objects, or JSON. */
    @Descriptor("IPC objects, like ipcs: KIND (msg queue, sem set, shm segment, mq POSIX queue) KEY ID OWNER GROUP "
            + "PERMS SIZE (used bytes, semaphores, segment bytes) COUNT (messages, -, attachments) WAITERS (blocked "
            + "now), STATUS when segments are listed (dest: removed, goes at its last detach; locked), and NAME for "
            + "POSIX queues")
    public void list(CommandSession session,
            @Descriptor("print JSON instead of a table") @Parameter(names = "--json", presentValue = "true",
                    absentValue = "false") boolean json) throws Exception {
        session.getConsole().print(json ? listJson() : listText());
    }

    /** {@code ipc:list} with arguments other than --json: prints its usage line. */
    @Descriptor("(ipc:list takes only --json)")
    public void list(CommandSession session,
            @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            Object first, Object... more) {
        Usage.print(session, "ipc:list");
    }

    /** Every object, by kind (msg, sem, shm) then id, copied on the simulation thread. */
    List<IpcObjectInfo> objects() throws Exception {
        List<IpcTable> now = new ArrayList<>(tables);
        java.util.concurrent.Callable<List<IpcObjectInfo>> read = () -> {
            List<IpcObjectInfo> all = new ArrayList<>();
            for (IpcTable t : now) {
                all.addAll(t.objects());
            }
            return all;
        };
        List<IpcObjectInfo> all = new ArrayList<>(machine == null ? read.call() : machine.call(read));
        all.sort(Comparator.comparing((IpcObjectInfo o) -> kindOrder(o.kind())).thenComparingInt(IpcObjectInfo::id));
        return all;
    }

    // msg, sem, shm as ipcs prints them, then POSIX queues; an unknown kind after them.
    private static int kindOrder(String kind) {
        int i = List.of("msg", "sem", "shm", "mq").indexOf(kind);
        return i < 0 ? 4 : i;
    }

    /** The {@code ipc:list} text: a table, or a line saying there is nothing. */
    String listText() throws Exception {
        List<IpcObjectInfo> all = objects();
        if (all.isEmpty()) {
            return tables.isEmpty() ? "ipc:list: no IPC bundle is running\n" : "ipc:list: no IPC objects\n";
        }
        boolean segments = all.stream().anyMatch(o -> o.kind().equals("shm"));
        boolean named = all.stream().anyMatch(o -> o.name() != null);
        List<String> columns = new ArrayList<>(List.of("KIND", "KEY", ">ID", ">OWNER", ">GROUP", "PERMS", ">SIZE",
                ">COUNT", ">WAITERS"));
        if (segments) {
            columns.add("STATUS");
        }
        if (named) {
            columns.add("NAME");
        }
        Table t = new Table(columns.toArray(new String[0]));
        for (IpcObjectInfo o : all) {
            List<Object> cells = new ArrayList<>(List.of(o.kind(), o.name() == null ? key(o.key()) : "-",
                    o.name() == null ? Integer.toString(o.id()) : "-", Integer.toUnsignedString(o.uid()),
                    Integer.toUnsignedString(o.gid()), String.format(Locale.ROOT, "%o", o.mode() & 0777), o.size(),
                    o.kind().equals("sem") ? "-" : Long.toString(o.count()), o.waiters()));
            if (segments) {
                cells.add(segmentStatus(o));
            }
            if (named) {
                cells.add(o.name() == null ? "-" : o.name());
            }
            t.row(cells.toArray());
        }
        return t.render();
    }

    /** {@code ipc:list --json}: an array of objects. */
    String listJson() throws Exception {
        StringBuilder b = new StringBuilder("[");
        String sep = "";
        for (IpcObjectInfo o : objects()) {
            b.append(sep).append("\n  {\"kind\": \"").append(o.kind());
            if (o.name() != null) {
                b.append("\", \"name\": \"").append(jsonText(o.name())).append("\", \"uid\": ");
            } else {
                b.append("\", \"key\": \"").append(key(o.key())).append("\", \"id\": ").append(o.id())
                        .append(", \"uid\": ");
            }
            b.append(Integer.toUnsignedString(o.uid()))
                    .append(", \"gid\": ").append(Integer.toUnsignedString(o.gid())).append(", \"perms\": \"")
                    .append(String.format(Locale.ROOT, "%o", o.mode() & 0777)).append("\", \"size\": ").append(o.size())
                    .append(", \"count\": ").append(o.count()).append(", \"waiters\": ").append(o.waiters());
            if (o.kind().equals("shm")) {
                b.append(", \"status\": \"").append(segmentStatus(o)).append('"');
            }
            b.append('}');
            sep = ",";
        }
        return b.append(sep.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    // A segment's status as ipcs -m prints it, from its mode's SHM_DEST (01000) and SHM_LOCKED (02000) bits:
    // "dest" (removed, goes at its last detach), "locked", both, or "-"; "-" for other kinds.
    private static String segmentStatus(IpcObjectInfo o) {
        if (!o.kind().equals("shm")) {
            return "-";
        }
        boolean dest = (o.mode() & 01000) != 0;
        boolean locked = (o.mode() & 02000) != 0;
        return dest && locked ? "dest,locked" : dest ? "dest" : locked ? "locked" : "-";
    }

    // A string's characters for a JSON string: quote, backslash and control characters escaped.
    private static String jsonText(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    // A key as ipcs prints it: 0x and eight hex digits.
    private static String key(int key) {
        return String.format(Locale.ROOT, "0x%08x", key);
    }
}
