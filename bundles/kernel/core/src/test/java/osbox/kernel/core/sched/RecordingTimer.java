package osbox.kernel.core.sched;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import osbox.api.hw.Timer;

/** Remembers deadlines and logs every program/cancel. */
public final class RecordingTimer implements Timer {
    private final long[] deadlines;
    final List<String> log = new ArrayList<>();

    public RecordingTimer(int harts) {
        deadlines = new long[harts];
        Arrays.fill(deadlines, -1);
    }

    @Override
    public void program(int hart, long deadline) {
        deadlines[hart] = deadline;
        log.add("program " + hart + " @" + deadline);
    }

    @Override
    public void cancel(int hart) {
        deadlines[hart] = -1;
        log.add("cancel " + hart);
    }

    @Override
    public long deadline(int hart) {
        return deadlines[hart];
    }

    @Override
    public long fired() {
        return 0;
    }
}
