package osbox.block.queue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import osbox.block.DeviceDriver;
import osbox.block.Request;
import osbox.testkit.hw.FakeEventQueue;

/** A driver that completes each request {@code cycles} after it starts, on a fake event queue; it records the order. */
final class FakeDriver implements DeviceDriver {
    private final FakeEventQueue events;
    private final long cycles;
    private Request busy;
    /** Every request started, in order. */
    final List<Request> started = new ArrayList<>();
    /** The errno the next completions report. */
    int errno;

    FakeDriver(FakeEventQueue events, long cycles) {
        this.events = events;
        this.cycles = cycles;
    }

    @Override
    public void start(Request request, Done done) {
        if (busy != null) {
            throw new IllegalStateException("started " + request + " while " + busy + " is on the device");
        }
        busy = request;
        started.add(request);
        events.schedule(events.now() + cycles, () -> {
            busy = null;
            done.completed(request, errno, events.now());
        });
    }

    @Override
    public boolean idle() {
        return busy == null;
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("started", (long) started.size());
        return c;
    }
}
