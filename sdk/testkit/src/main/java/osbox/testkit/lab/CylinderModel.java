package osbox.testkit.lab;

import java.util.ArrayList;
import java.util.List;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoSchedulingPolicy;
import osbox.testkit.io.FakeIoContext;
import osbox.testkit.io.FakeRequest;

/**
 * The textbooks' disk-scheduling exercise (Silberschatz, "Operating System
 * Concepts", HDD scheduling): a disk of N cylinders, a head at a cylinder,
 * a queue of cylinder numbers all waiting at the start; the cost is the
 * head's movement in cylinders, one time unit per cylinder. An osbox I/O
 * scheduler sees each cylinder as one sector: request i is a one-sector
 * read of {@code cylinders[i]} with id i, and the head rests on the
 * cylinder last served. Its waypoints (SCAN's and C-SCAN's edges, the
 * return jump of the circular ones) count as movement, as the block layer
 * charges them.
 */
final class CylinderModel {
    /** One request served: its cylinder, the movement to it, and the edges passed on the way. */
    record Served(long cylinder, long move, long[] via) {
    }

    /** A run: the requests in the order served, the total movement, the head's path (time = movement so far). */
    record Run(String policy, List<Served> served, long movement, List<DiskModel.HeadPoint> path) {
    }

    private CylinderModel() {
    }

    /**
     * Serves {@code cylinders} (each 0 to {@code size - 1}; the caller checked
     * them) from {@code head} under {@code policy} (fresh, not attached),
     * reported under {@code label}. Throws IllegalStateException when the
     * policy breaks the SPI's rules.
     */
    static Run run(String label, IoSchedulingPolicy policy, long[] cylinders, long size, long head) {
        List<BlockRequest> queued = new ArrayList<>();
        for (int i = 0; i < cylinders.length; i++) {
            queued.add(FakeRequest.read(i, cylinders[i]));
        }
        policy.attach(new FakeIoContext(0, size), queued);
        boolean[] done = new boolean[cylinders.length];
        List<Served> served = new ArrayList<>();
        List<DiskModel.HeadPoint> path = new ArrayList<>();
        long at = head;
        long time = 0;
        path.add(new DiskModel.HeadPoint(0, at));
        for (int n = 0; n < cylinders.length; n++) {
            BlockRequest r = policy.dispatch(at, time);
            int i = r == null ? -1 : (int) r.id();
            if (r == null || i < 0 || i >= cylinders.length || done[i] || r.sector() != cylinders[i]) {
                throw new IllegalStateException("dispatch returned " + (r == null ? "null" : "request " + r.id())
                        + " with " + (cylinders.length - n) + " requests queued, not one of them");
            }
            done[i] = true;
            long[] via = policy.lastWaypoints();
            long move = 0;
            for (long edge : via) {
                if (edge < 0 || edge >= size) {
                    throw new IllegalStateException("waypoint " + edge + " is off the disk (0 to " + (size - 1) + ")");
                }
                move += Math.abs(edge - at);
                at = edge;
                path.add(new DiskModel.HeadPoint(time + move, at));
            }
            move += Math.abs(cylinders[i] - at);
            at = cylinders[i];
            time += move;
            path.add(new DiskModel.HeadPoint(time, at));
            served.add(new Served(cylinders[i], move, via));
        }
        if (policy.dispatch(at, time) != null) {
            throw new IllegalStateException("dispatch returned a request after all " + cylinders.length
                    + " were served");
        }
        return new Run(label, List.copyOf(served), time, List.copyOf(path));
    }
}
