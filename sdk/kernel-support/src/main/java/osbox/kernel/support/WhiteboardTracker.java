package osbox.kernel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The framework side of a {@link Whiteboard}: one {@link ServiceTracker} per
 * kind in its table, opened by the mechanism's component when it activates
 * and closed when it deactivates. A service that appears is handed to
 * {@link Whiteboard#arrived}; one that goes (its bundle stops, or the
 * tracker closes) to {@link Whiteboard#departed}, which returns only once it
 * is unbound; the service object is released after that. A property change
 * does not move a bound service (as with a DS reference without an updated
 * method); a service ignored for its properties is offered again when they
 * change.
 */
public final class WhiteboardTracker implements AutoCloseable {
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    private WhiteboardTracker() {
    }

    /** Opens a tracker in {@code context} for every kind of {@code whiteboard}'s table, in table order. */
    public static WhiteboardTracker open(BundleContext context, Whiteboard whiteboard) {
        WhiteboardTracker t = new WhiteboardTracker();
        for (WhiteboardKind<?, ?> kind : whiteboard.kinds()) {
            ServiceTracker<?, ?> tracker = tracker(context, whiteboard, kind);
            t.trackers.add(tracker);
            tracker.open();
        }
        return t;
    }

    // A tracker of kind's services that hands each to the whiteboard.
    private static <S, K> ServiceTracker<S, Whiteboard.Arrival<S, K>> tracker(BundleContext context,
            Whiteboard whiteboard, WhiteboardKind<S, K> kind) {
        return new ServiceTracker<>(context, kind.service(), new ServiceTrackerCustomizer<>() {
            @Override
            public Whiteboard.Arrival<S, K> addingService(ServiceReference<S> reference) {
                S service = context.getService(reference);
                if (service == null) {
                    return null;
                }
                Whiteboard.Arrival<S, K> a = whiteboard.arrived(kind, service, properties(reference));
                if (a == null) {
                    context.ungetService(reference);
                }
                return a;
            }

            @Override
            public void modifiedService(ServiceReference<S> reference, Whiteboard.Arrival<S, K> arrival) {
                // bound under the key it arrived with until it leaves
            }

            @Override
            public void removedService(ServiceReference<S> reference, Whiteboard.Arrival<S, K> arrival) {
                try {
                    whiteboard.departed(arrival);
                } finally {
                    context.ungetService(reference);
                }
            }
        });
    }

    /** A service's properties, by name. */
    static Map<String, Object> properties(ServiceReference<?> reference) {
        Map<String, Object> out = new TreeMap<>();
        for (String key : reference.getPropertyKeys()) {
            out.put(key, reference.getProperty(key));
        }
        return out;
    }

    /** Closes the trackers, last opened first: every service still bound departs before this returns. */
    @Override
    public void close() {
        for (int i = trackers.size() - 1; i >= 0; i--) {
            trackers.get(i).close();
        }
        trackers.clear();
    }
}
