package osbox.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.io.BlockLayer;

/**
 * The disks' part of a run report: each device's statistics as the block
 * layer counts them (since the machine started: a run on a fresh machine
 * sees only its own I/O) and each process's I/O accounting. Read at the end
 * of the run; {@link #NONE} for a run without disks.
 *
 * @param devices   the devices, by device number
 * @param processes per pid (the run's processes and their children), its I/O counters, for those that did I/O
 */
public record DiskReport(List<Device> devices, Map<Integer, Map<String, Long>> processes) {
    /** No disks. */
    public static final DiskReport NONE = new DiskReport(List.of(), Map.of());

    /**
     * One device.
     *
     * @param name      its name (vda, ...)
     * @param scheduler its I/O scheduler at the end of the run
     * @param counters  the block layer's counters, in its order (docs/io-schedulers.md names them)
     */
    public record Device(String name, String scheduler, Map<String, Long> counters) {
        public Device {
            counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        }

        /** A counter, 0 when the block layer does not give it. */
        public long get(String counter) {
            return counters.getOrDefault(counter, 0L);
        }
    }

    public DiskReport {
        devices = List.copyOf(devices);
        TreeMap<Integer, Map<String, Long>> byPid = new TreeMap<>();
        processes.forEach((pid, c) -> byPid.put(pid, Collections.unmodifiableMap(new LinkedHashMap<>(c))));
        processes = Collections.unmodifiableMap(byPid);
    }

    /**
     * What {@code layer} says of its devices and of the I/O of the processes
     * {@code pids}; {@link #NONE} when there is no layer or it has no disks.
     * The layer's counters may be read from any thread.
     */
    public static DiskReport of(BlockLayer layer, Iterable<Integer> pids) {
        if (layer == null || layer.devices().isEmpty()) {
            return NONE;
        }
        List<Device> devices = new ArrayList<>();
        List<String> names = layer.devices();
        for (int d = 0; d < names.size(); d++) {
            devices.add(new Device(names.get(d), layer.scheduler(d), layer.counters(d)));
        }
        Map<Integer, Map<String, Long>> io = new TreeMap<>();
        for (int pid : pids) {
            Map<String, Long> c = layer.processCounters(pid);
            if (pid > 0 && !c.isEmpty()) {
                io.put(pid, c);
            }
        }
        return new DiskReport(devices, io);
    }

    /** The same for a report's processes: those of the workload and their children. */
    public static DiskReport of(BlockLayer layer, RunReport report) {
        List<Integer> pids = new ArrayList<>();
        report.processes().forEach(p -> pids.add(p.pid()));
        report.others().forEach(o -> pids.add(o.pid()));
        return of(layer, pids);
    }

    /** A process's I/O counters (empty when it did none). */
    public Map<String, Long> io(int pid) {
        return processes.getOrDefault(pid, Map.of());
    }
}
