package osbox.iosched.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.io.IoSchedulingPolicy;
import osbox.testkit.io.FakeIoContext;
import osbox.testkit.io.FakeRequest;
import osbox.testkit.io.IoDriver;

/** Deadline's batches, expiries and write starvation, worked by hand (every dispatch takes 1 cycle). */
class DeadlinePolicyTest {
    /** A deadline policy with options. */
    static IoSchedulingPolicy deadline(String... keysAndValues) {
        Map<String, String> options = new java.util.TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            options.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new DeadlineProvider().create(options);
    }

    /**
     * The textbook queue (head 53, nothing expires): one upward batch 65 ...
     * 183, then a new batch from the oldest left (37), then 14; 299 cylinders.
     */
    @Test
    void batchesUpwardsThenStartsFromTheOldest() {
        IoDriver d = IoDriver.serve(deadline(), 200, 53, 98, 183, 37, 122, 14, 124, 65, 67);
        assertEquals(List.of(65L, 67L, 98L, 122L, 124L, 183L, 37L, 14L), d.servedSectors());
        assertEquals((183 - 53) + (183 - 37) + (37 - 14), d.movement());
    }

    /** Expiry 0 and batches of one: every batch starts at the oldest, so arrival order. */
    @Test
    void expiredRequestsGoInArrivalOrder() {
        IoDriver d = IoDriver.serve(deadline(DeadlineProvider.READ_EXPIRE, "0", DeadlineProvider.FIFO_BATCH, "1"),
                200, 53, 98, 183, 37, 122, 14, 124, 65, 67);
        assertEquals(List.of(98L, 183L, 37L, 122L, 14L, 124L, 65L, 67L), d.servedSectors());
    }

    /**
     * Head 50, batches of 2, reads expire after 3 cycles: 60, 70 | 80, 90 |
     * then the read of 10 has waited 4 cycles and starts the next batch,
     * which continues to 100; 110 last. Without the expiry 10 goes last.
     */
    @Test
    void anExpiredReadStartsTheNextBatch() {
        long[] sectors = {10, 60, 70, 80, 90, 100, 110};
        IoDriver expiring = IoDriver.serve(deadline(DeadlineProvider.READ_EXPIRE, "3",
                DeadlineProvider.FIFO_BATCH, "2"), 200, 50, sectors);
        assertEquals(List.of(60L, 70L, 80L, 90L, 10L, 100L, 110L), expiring.servedSectors());
        IoDriver patient = IoDriver.serve(deadline(DeadlineProvider.FIFO_BATCH, "2"), 200, 50, sectors);
        assertEquals(List.of(60L, 70L, 80L, 90L, 100L, 110L, 10L), patient.servedSectors());
    }

    /**
     * Writes at 10 and 20 wait behind reads at 100 ... 130 (batches of one,
     * writes-starved 2): two read batches, then a write batch, and again.
     */
    @Test
    void writesGetABatchAfterWritesStarvedReadBatches() {
        IoDriver d = new IoDriver(deadline(DeadlineProvider.FIFO_BATCH, "1", DeadlineProvider.WRITES_STARVED, "2"),
                new FakeIoContext(0, 200), 0, 1);
        d.add(FakeRequest.write(1, 10));
        d.add(FakeRequest.write(2, 20));
        for (int i = 0; i < 4; i++) {
            d.add(FakeRequest.read(3 + i, 100 + 10 * i));
        }
        d.drain();
        assertEquals(List.of(100L, 110L, 10L, 120L, 130L, 20L), d.servedSectors());
    }
}
