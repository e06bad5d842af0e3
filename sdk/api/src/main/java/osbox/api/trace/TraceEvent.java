package osbox.api.trace;

/** One recorded event. */
public record TraceEvent(long cycle, TraceKind kind, int hart, int pid, long a, long b, String text) {
}
