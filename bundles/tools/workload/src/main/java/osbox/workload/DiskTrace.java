package osbox.workload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import osbox.api.trace.TraceKind;

/**
 * The block layer's requests in the Chrome/Perfetto trace: a group "osbox
 * disks" with a track per device (named "vda"; a device serving several
 * requests at once gets more tracks, "vda (2)", ...), a slice per request
 * from its dispatch to its completion named as the trace names it
 * ("R 2048+8"), an instant where each was queued, and a counter "queue vda"
 * of the requests queued and not yet dispatched. Drawn from the run's
 * BLOCK_ISSUE, BLOCK_DISPATCH and BLOCK_COMPLETE events; nothing when it had none.
 */
final class DiskTrace {
    /** Chrome trace process id of the disks' group (after the harts' and the processes'). */
    static final int DISKS_PID = 3;
    /** Tracks a device may use for requests in flight together (beyond: they share the last). */
    static final int MAX_LANES = 64;

    /** One request's life at the device: dispatched at {@code start}, completed at {@code end}. */
    record Served(RunReport.BlockMark dispatch, RunReport.BlockMark complete) {
        long start() {
            return dispatch.at();
        }

        long end() {
            return complete.at();
        }
    }

    private DiskTrace() {
    }

    /** The track id of a device's lane. */
    static int track(int device, int lane) {
        return device * MAX_LANES + lane;
    }

    /** Writes the disks' tracks, slices, instants and counters into the trace's event array. */
    static void events(Json j, RunReport r) {
        if (r.blocks().isEmpty()) {
            return;
        }
        long hz = r.frequencyHz();
        ReportJson.meta(j, DISKS_PID, -1, "process_name", "name", "osbox disks");
        ReportJson.meta(j, DISKS_PID, -1, "process_sort_index", "sort_index", "2");
        TreeMap<Integer, String> names = new TreeMap<>();
        TreeMap<Integer, Integer> queued = new TreeMap<>();
        for (RunReport.BlockMark b : r.blocks()) {
            if (names.putIfAbsent(b.device(), b.deviceName()) == null) {
                ReportJson.meta(j, DISKS_PID, track(b.device(), 0), "thread_name", "name", b.deviceName());
                ReportJson.meta(j, DISKS_PID, track(b.device(), 0), "thread_sort_index", "sort_index",
                        Integer.toString(track(b.device(), 0)));
            }
            int depth = queued.getOrDefault(b.device(), 0);
            if (b.kind() == TraceKind.BLOCK_ISSUE) {
                j.begin().field("name", "queued " + b.request()).field("cat", "block").field("ph", "i")
                        .field("s", "t").raw("ts", Times.us(b.at(), hz)).field("pid", DISKS_PID)
                        .field("tid", track(b.device(), 0));
                j.key("args").begin().field("pid", b.pid()).field("text", b.text()).end();
                j.end();
                depth++;
            } else if (b.kind() == TraceKind.BLOCK_DISPATCH) {
                depth = Math.max(0, depth - 1);
            } else {
                continue;
            }
            queued.put(b.device(), depth);
            j.begin().field("name", "queue " + b.deviceName()).field("cat", "block").field("ph", "C")
                    .raw("ts", Times.us(b.at(), hz)).field("pid", DISKS_PID);
            j.key("args").begin().field("queued", depth).end();
            j.end();
        }
        // a device's lanes: when each is free again; a request takes the first free one
        TreeMap<Integer, List<Long>> lanes = new TreeMap<>();
        for (Served s : served(r.blocks())) {
            RunReport.BlockMark d = s.dispatch();
            List<Long> free = lanes.computeIfAbsent(d.device(), k -> new ArrayList<>());
            int lane = 0;
            while (lane < free.size() && free.get(lane) > s.start()) {
                lane++;
            }
            if (lane == MAX_LANES) {
                lane = MAX_LANES - 1;
            } else if (lane == free.size()) {
                free.add(0L);
                if (lane > 0) {
                    String name = names.get(d.device()) + " (" + (lane + 1) + ")";
                    ReportJson.meta(j, DISKS_PID, track(d.device(), lane), "thread_name", "name", name);
                    ReportJson.meta(j, DISKS_PID, track(d.device(), lane), "thread_sort_index", "sort_index",
                            Integer.toString(track(d.device(), lane)));
                }
            }
            free.set(lane, Math.max(free.get(lane), s.end()));
            j.begin().field("name", d.request()).field("cat", "block").field("ph", "X")
                    .raw("ts", Times.us(s.start(), hz)).raw("dur", Times.us(s.end() - s.start(), hz))
                    .field("pid", DISKS_PID).field("tid", track(d.device(), lane));
            j.key("args").begin().field("pid", d.pid()).field("sector", d.sector()).field("count", d.count())
                    .field("dispatch", d.text()).field("complete", s.complete().text()).end();
            j.end();
        }
    }

    /**
     * The requests served, by dispatch time: each completion matched with
     * the earliest unmatched dispatch of the same device, operation, sector
     * and count (a completion whose dispatch the trace lost is left out).
     */
    static List<Served> served(List<RunReport.BlockMark> blocks) {
        TreeMap<String, ArrayDeque<RunReport.BlockMark>> pending = new TreeMap<>();
        List<Served> all = new ArrayList<>();
        for (RunReport.BlockMark b : blocks) {
            String key = b.device() + " " + b.request();
            if (b.kind() == TraceKind.BLOCK_DISPATCH) {
                pending.computeIfAbsent(key, k -> new ArrayDeque<>()).add(b);
            } else if (b.kind() == TraceKind.BLOCK_COMPLETE) {
                ArrayDeque<RunReport.BlockMark> q = pending.get(key);
                RunReport.BlockMark d = q == null ? null : q.poll();
                if (d != null) {
                    all.add(new Served(d, b));
                }
            }
        }
        all.sort(Comparator.comparingLong(Served::start));
        return all;
    }
}
