package osbox.kernel.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Machine;

/**
 * A mechanism's whiteboard: the table of the {@link WhiteboardKind kinds} of
 * service it takes from other bundles, and the one way they are bound. The
 * kernel's trackers ({@link WhiteboardTracker}) and the harness both call
 * {@link #arrived} and {@link #departed}; this class applies them to the
 * mechanism on the simulation thread:
 *
 * <ul>
 * <li>an arrival is bound at the next safe point ({@link Machine#submit});
 * <li>a departure is unbound at a safe point before {@link #departed}
 *     returns ({@link Machine#call}), so a stopped bundle's code is never
 *     called afterwards;
 * <li>a service whose properties name no valid key is logged and ignored;
 * <li>a service whose key is already bound (a second handler for one syscall
 *     number, a second policy of one name, a second terminal) is logged and
 *     held back: it is bound if the one bound leaves, in arrival order.
 * </ul>
 *
 * {@link #arrived} and {@link #departed} may be called from any thread;
 * everything else here runs on the simulation thread.
 */
public final class Whiteboard {
    private static final Logger LOG = LoggerFactory.getLogger(Whiteboard.class);

    /**
     * One service that arrived, under its key: what {@link #departed} is
     * given back. The services of one key, first the one bound, are kept on
     * the simulation thread.
     */
    public static final class Arrival<S, K> {
        private final WhiteboardKind<S, K> kind;
        private final S service;
        private final K key;
        private final Map<String, ?> properties;
        /** Set (simulation thread) once it departed: a late arrival task then binds nothing. */
        private boolean gone;

        private Arrival(WhiteboardKind<S, K> kind, S service, K key, Map<String, ?> properties) {
            this.kind = kind;
            this.service = service;
            this.key = key;
            this.properties = properties;
        }

        /** The kind it arrived as. */
        public WhiteboardKind<S, K> kind() {
            return kind;
        }

        /** The key it arrived under. */
        public K key() {
            return key;
        }

        private void bind() {
            kind.bind(key, service, properties);
        }

        private void unbind() {
            kind.unbind(key, service, properties);
        }

        @Override
        public String toString() {
            return kind.service().getSimpleName() + " " + service + (kind.property() == null ? ""
                    : " (" + kind.property() + "=" + key + ")");
        }
    }

    private final String owner;
    private final Machine machine;
    private final Logger log;
    private final List<WhiteboardKind<?, ?>> kinds;
    /**
     * Each kind's arrivals by key (keys in the order they were first bound),
     * the bound one first, then those held back (simulation thread).
     */
    private final Map<WhiteboardKind<?, ?>, Map<Object, ArrayDeque<Arrival<?, ?>>>> byKey = new HashMap<>();

    /**
     * @param owner   the mechanism, for messages ("kernel", "VM manager")
     * @param machine whose simulation thread binds and unbinds
     * @param kinds   the table: at most one kind per service interface
     */
    public Whiteboard(String owner, Machine machine, List<WhiteboardKind<?, ?>> kinds) {
        this(owner, machine, kinds, LOG);
    }

    /** As above, logging to {@code log} (tests read what is logged). */
    public Whiteboard(String owner, Machine machine, List<WhiteboardKind<?, ?>> kinds, Logger log) {
        TreeMap<String, WhiteboardKind<?, ?>> seen = new TreeMap<>();
        for (WhiteboardKind<?, ?> k : kinds) {
            if (seen.put(k.service().getName(), k) != null) {
                throw new IllegalArgumentException(owner + " whiteboard: two kinds for " + k.service().getName());
            }
            byKey.put(k, new LinkedHashMap<>());
        }
        this.owner = owner;
        this.machine = machine;
        this.log = log;
        this.kinds = List.copyOf(kinds);
    }

    /** The table, in the order it was given. */
    public List<WhiteboardKind<?, ?>> kinds() {
        return kinds;
    }

    /** The kind whose service interface has this name, or null. */
    public WhiteboardKind<?, ?> kind(String serviceInterface) {
        for (WhiteboardKind<?, ?> k : kinds) {
            if (k.service().getName().equals(serviceInterface)) {
                return k;
            }
        }
        return null;
    }

    /**
     * A service of {@code kind} arrived with {@code properties} (any thread):
     * it is bound at the next safe point. Returns what to give
     * {@link #departed} when it leaves, or null when its properties name no
     * key (logged; nothing is bound).
     */
    public <S, K> Arrival<S, K> arrived(WhiteboardKind<S, K> kind, S service, Map<String, ?> properties) {
        if (!byKey.containsKey(kind)) {
            throw new IllegalArgumentException(owner + " whiteboard has no kind " + kind);
        }
        K key = kind.keyOf(service, properties);
        if (key == null) {
            log.warn("{} {} has no valid {} property; ignored", kind.service().getSimpleName(), service,
                    kind.property());
            return null;
        }
        Arrival<S, K> a = new Arrival<>(kind, service, key, Map.copyOf(properties));
        machine.submit(() -> bind(a));
        return a;
    }

    /**
     * A service offered under the name of an interface it provides (the
     * harness: a component's {@code provide} elements): like {@link #arrived}
     * when the table has a kind for that interface; null otherwise.
     */
    public Arrival<?, ?> offer(String serviceInterface, Object service, Map<String, ?> properties) {
        WhiteboardKind<?, ?> kind = kind(serviceInterface);
        return kind == null ? null : arrivedAs(kind, service, properties);
    }

    // arrived() for a service known only as an Object (checked against the kind's interface).
    private <S> Arrival<S, ?> arrivedAs(WhiteboardKind<S, ?> kind, Object service, Map<String, ?> properties) {
        return arrived(kind, kind.service().cast(service), properties);
    }

    /**
     * A service that {@link #arrived} left (any thread): it is unbound at a
     * safe point before this returns; if it was bound, the next one held back
     * under its key is bound in its place. A failure there is logged.
     */
    public void departed(Arrival<?, ?> arrival) {
        if (arrival == null) {
            return;
        }
        try {
            machine.call(() -> {
                unbind(arrival);
                return null;
            });
        } catch (Exception e) {
            log.error("{}: unbinding {} failed", owner, arrival, e);
        }
    }

    // Simulation thread: binds the arrival, or holds it back behind the one bound under its key.
    private void bind(Arrival<?, ?> a) {
        if (a.gone) {
            return;
        }
        ArrayDeque<Arrival<?, ?>> queue = byKey.get(a.kind).computeIfAbsent(a.key, k -> new ArrayDeque<>());
        queue.addLast(a);
        if (queue.size() == 1) {
            a.bind();
        } else {
            log.warn("{}: {} arrived while {} is bound; held back until it leaves", owner, a, queue.peekFirst());
        }
    }

    // Simulation thread: unbinds the arrival if bound (then binds the next held back), or forgets it.
    private void unbind(Arrival<?, ?> a) {
        a.gone = true;
        ArrayDeque<Arrival<?, ?>> queue = byKey.get(a.kind).get(a.key);
        if (queue == null) {
            return;
        }
        boolean wasBound = queue.peekFirst() == a;
        queue.removeIf(x -> x == a);
        if (wasBound) {
            a.unbind();
            Arrival<?, ?> next = queue.peekFirst();
            if (next != null) {
                log.info("{}: {} left; {} takes its place", owner, a, next);
                next.bind();
            }
        }
        if (queue.isEmpty()) {
            byKey.get(a.kind).remove(a.key);
        }
    }

    /**
     * The services bound now: kind by kind in table order, each kind's keys
     * in the order they were first bound (simulation thread; tests, reports).
     */
    public List<Arrival<?, ?>> bound() {
        List<Arrival<?, ?>> out = new ArrayList<>();
        for (WhiteboardKind<?, ?> k : kinds) {
            for (ArrayDeque<Arrival<?, ?>> q : byKey.get(k).values()) {
                out.add(q.peekFirst());
            }
        }
        return out;
    }
}
