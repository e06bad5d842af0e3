package osbox.testkit.io;

import osbox.api.io.BlockRequest;
import osbox.api.io.IoOperation;
import osbox.api.io.IoPriorityClass;

/**
 * An immutable block request for tests, device 0: a one-sector synchronous
 * read by process 1 (thread 1), best effort level 4, unless a {@code with}
 * method says otherwise.
 */
public record FakeRequest(long id, int device, long sector, int count, IoOperation operation, boolean sync,
        int pid, int tid, IoPriorityClass priorityClass, int priorityLevel, long arrival)
        implements BlockRequest {

    /** A one-sector read of {@code sector}, queued at cycle 0. */
    public static FakeRequest read(long id, long sector) {
        return new FakeRequest(id, 0, sector, 1, IoOperation.READ, true, 1, 1, IoPriorityClass.BEST_EFFORT, 4, 0);
    }

    /** A one-sector asynchronous write of {@code sector}, queued at cycle 0. */
    public static FakeRequest write(long id, long sector) {
        return new FakeRequest(id, 0, sector, 1, IoOperation.WRITE, false, 1, 1, IoPriorityClass.BEST_EFFORT, 4, 0);
    }

    /** This request queued at {@code cycle}. */
    public FakeRequest at(long cycle) {
        return new FakeRequest(id, device, sector, count, operation, sync, pid, tid, priorityClass, priorityLevel,
                cycle);
    }

    /** This request submitted by process {@code process} (its main thread). */
    public FakeRequest by(int process) {
        return new FakeRequest(id, device, sector, count, operation, sync, process, process, priorityClass,
                priorityLevel, arrival);
    }

    /** This request with the submitter's I/O priority class and level. */
    public FakeRequest priority(IoPriorityClass cls, int level) {
        return new FakeRequest(id, device, sector, count, operation, sync, pid, tid, cls, level, arrival);
    }

    /** This request covering {@code sectors} sectors. */
    public FakeRequest sectors(int sectors) {
        return new FakeRequest(id, device, sector, sectors, operation, sync, pid, tid, priorityClass, priorityLevel,
                arrival);
    }

    /** This request as a flush (a barrier: sector 0, no sectors). */
    public FakeRequest flush() {
        return new FakeRequest(id, device, 0, 0, IoOperation.FLUSH, true, pid, tid, priorityClass, priorityLevel,
                arrival);
    }
}
