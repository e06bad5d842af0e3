package osbox.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import osbox.api.hw.BlockDevice;
import osbox.block.driver.settings.DriverSettings;

/**
 * Gogo command {@code io:mode [DEV [MODE...]]}: shows each disk driver's
 * mode, or changes one device's through Config Admin (PID
 * {@value #PID}, property {@code modes}); the block layer applies it
 * from the device's next request. Modes are checked with the driver's own
 * parser ({@link DriverSettings}, embedded privately).
 */
@Component(service = Object.class, property = {"osgi.command.scope=io", "osgi.command.function=mode"})
public final class IoModeCommands {
    /** The disk drivers' Config Admin PID. */
    static final String PID = "osbox.block.driver";

    /** Where the drivers' configuration is read and written: Config Admin, or a map in tests. */
    interface Store {
        /** The PID's properties (empty when none). */
        Map<String, Object> read() throws IOException;

        /** Replaces the PID's properties. */
        void write(Map<String, Object> properties) throws IOException;
    }

    private final Store store;
    private final String launchModes;
    private final List<String> disks = new CopyOnWriteArrayList<>();

    /** Over Config Admin; the launcher's --io-mode is the framework property the drivers read under it. */
    @Activate
    public IoModeCommands(@Reference(name = "configurationAdmin") ConfigurationAdmin admin, BundleContext context) {
        this(configAdmin(admin), context.getProperty(DriverSettings.LAUNCH_PROPERTY));
    }

    /** Over {@code store}, with the launcher's modes {@code launchModes} (null: none). */
    IoModeCommands(Store store, String launchModes) {
        this.store = store;
        this.launchModes = launchModes;
    }

    /** A disk arrives. */
    @Reference(name = "disks", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDisk(BlockDevice disk) {
        disks.add(disk.name());
    }

    /** A disk leaves. */
    void removeDisk(BlockDevice disk) {
        disks.remove(disk.name());
    }

    /** Shows every driver's mode, one device's, or sets one device's. */
    @Descriptor("io:mode: every disk driver's mode; io:mode DEV: that one's; io:mode DEV MODE...: set it (dma|pio,"
            + " interrupt|poll, NAME=N costs), from its next request")
    public void mode(CommandSession session, @Descriptor("[DEV [MODE...]]") String... args) {
        session.getConsole().print(modeText(args));
    }

    /** What {@code io:mode ARGS} prints. */
    String modeText(String... args) {
        try {
            Map<String, Object> properties = new LinkedHashMap<>(store.read());
            if (launchModes != null) {
                properties.put(DriverSettings.LAUNCH_PROPERTY, launchModes);
            }
            if (args.length == 0) {
                TreeSet<String> names = new TreeSet<>(disks);
                names.addAll(DriverSettings.deviceModes(entries(properties.get(DriverSettings.MODES))).keySet());
                if (names.isEmpty()) {
                    return "io:mode: no disks (attach one with --disk FILE)\n";
                }
                Table t = new Table("DEVICE", "MODE");
                for (String name : names) {
                    t.row(name, DriverSettings.fromProperties(properties, name).text());
                }
                return t.render();
            }
            String dev = args[0];
            if (!dev.matches("[a-z][a-z0-9]*")) {
                return "io:mode: '" + dev + "' is not a device name (e.g. vda)\n";
            }
            DriverSettings now = DriverSettings.fromProperties(properties, dev);
            if (args.length == 1) {
                return dev + " " + now.text() + "\n";
            }
            DriverSettings next = DriverSettings.parse(String.join(",", List.of(args).subList(1, args.length)), now);
            Map<String, String> modes = DriverSettings.deviceModes(entries(properties.get(DriverSettings.MODES)));
            modes.put(dev, next.text());
            List<String> stored = new ArrayList<>();
            modes.forEach((d, m) -> stored.add(d + "=" + m));
            Map<String, Object> written = new LinkedHashMap<>(store.read());
            written.put(DriverSettings.MODES, stored.toArray(new String[0]));
            store.write(written);
            return "io:mode: " + dev + " " + next.text() + " from its next request\n";
        } catch (IllegalArgumentException e) {
            return "io:mode: " + e.getMessage() + "\n";
        } catch (IOException e) {
            return "io:mode: configuration " + PID + ": " + e.getMessage() + "\n";
        }
    }

    // The modes property as one ';' list (Config Admin keeps a String[]).
    private static String entries(Object modes) {
        if (modes instanceof String[] array) {
            return String.join(";", array);
        }
        return modes == null ? "" : String.valueOf(modes);
    }

    // The store over Config Admin's configuration of the PID (any bundle may bind it: location "?").
    private static Store configAdmin(ConfigurationAdmin admin) {
        return new Store() {
            @Override
            public Map<String, Object> read() throws IOException {
                Dictionary<String, Object> d = admin.getConfiguration(PID, "?").getProperties();
                Map<String, Object> m = new LinkedHashMap<>();
                if (d != null) {
                    for (Enumeration<String> keys = d.keys(); keys.hasMoreElements();) {
                        String k = keys.nextElement();
                        m.put(k, d.get(k));
                    }
                }
                return m;
            }

            @Override
            public void write(Map<String, Object> properties) throws IOException {
                Configuration c = admin.getConfiguration(PID, "?");
                c.update(new Hashtable<>(properties));
            }
        };
    }
}
