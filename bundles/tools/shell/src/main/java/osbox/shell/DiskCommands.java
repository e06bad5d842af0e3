package osbox.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import osbox.api.hw.BlockDevice;
import osbox.api.hw.Machine;

/**
 * Gogo command {@code disk:list}: every disk attached ({@code --disk}), each
 * a {@link BlockDevice} service: name, model, size, access, the transfer
 * mode its driver last programmed, the command counts and the backing
 * file; then every counter of each device on a line of its own. Read on the
 * simulation thread.
 */
@Component(service = Object.class, property = {"osgi.command.scope=disk", "osgi.command.function=list"})
public final class DiskCommands {
    private final Machine machine;
    private final List<BlockDevice> disks = new CopyOnWriteArrayList<>();

    /** Reads the devices through the machine's simulation thread (null: on the caller's, for tests). */
    @Activate
    public DiskCommands(@Reference(name = "machine") Machine machine) {
        this.machine = machine;
    }

    /** A disk arrives. */
    @Reference(name = "disks", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDisk(BlockDevice disk) {
        disks.add(disk);
    }

    /** A disk leaves (its bundle stops). */
    void removeDisk(BlockDevice disk) {
        disks.remove(disk);
    }

    /** Prints the disks and their counters. */
    @Descriptor("the disks attached with --disk: NAME MODEL SIZE ACCESS MODE (the transfer mode last programmed:"
            + " dma or pio) READS WRITES FLUSHES ERRORS BACKING, then each disk's counters")
    public void list(CommandSession session) throws Exception {
        session.getConsole().print(listText());
    }

    /** {@code disk:list} with arguments: prints its usage line. */
    @Descriptor("(disk:list takes no arguments)")
    public void list(CommandSession session, Object first, Object... more) {
        Usage.print(session, "disk:list");
    }

    /** The {@code disk:list} text. */
    String listText() throws Exception {
        List<BlockDevice> now = new ArrayList<>(disks);
        now.sort(Comparator.comparing(BlockDevice::name));
        if (now.isEmpty()) {
            return "disk:list: no disks (attach one with --disk FILE)\n";
        }
        Callable<List<Map<String, Long>>> read = () -> {
            List<Map<String, Long>> all = new ArrayList<>();
            for (BlockDevice d : now) {
                Map<String, Long> c = new java.util.LinkedHashMap<>(d.counters());
                c.put("transfer", d.readRegister(BlockDevice.REG_TRANSFER));
                all.add(c);
            }
            return all;
        };
        List<Map<String, Long>> counters = machine == null ? read.call() : machine.call(read);
        Table t = new Table("NAME", "MODEL", ">SIZE", "ACCESS", "MODE", ">READS", ">WRITES", ">FLUSHES", ">ERRORS",
                "BACKING");
        for (int i = 0; i < now.size(); i++) {
            BlockDevice d = now.get(i);
            Map<String, Long> c = counters.get(i);
            t.row(d.name(), d.model(), size(d.sectors() * BlockDevice.SECTOR_SIZE), d.readOnly() ? "ro" : "rw",
                    c.get("transfer") == BlockDevice.TRANSFER_DMA ? "dma" : "pio", c.get("reads"), c.get("writes"),
                    c.get("flushes"), c.get("errors"), d.backing());
        }
        StringBuilder b = new StringBuilder(t.render());
        for (int i = 0; i < now.size(); i++) {
            b.append(now.get(i).name()).append(':');
            for (Map.Entry<String, Long> e : counters.get(i).entrySet()) {
                if (!e.getKey().equals("transfer")) {
                    b.append(' ').append(e.getKey()).append('=').append(e.getValue());
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    // Bytes in the largest binary unit that keeps one decimal: 1.5M, 64.0K, 512B.
    private static String size(long bytes) {
        String units = "BKMGT";
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + "B" : String.format(java.util.Locale.ROOT, "%.1f%c", v, units.charAt(u));
    }
}
