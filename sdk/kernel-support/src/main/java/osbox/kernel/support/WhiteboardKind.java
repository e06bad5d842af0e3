package osbox.kernel.support;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One kind of service a mechanism takes from the whiteboard: the service
 * interface, the service property that names one (its key), and how one is
 * bound and unbound. A mechanism lists its kinds in one table (a
 * {@link Whiteboard}); the framework side ({@link WhiteboardTracker}) and the
 * harness both bind through that table, so a new kind is one more entry
 * there. Services of a kind with equal keys exclude each other: one is bound,
 * the others wait (see {@link Whiteboard}). {@code bind} and {@code unbind}
 * run on the simulation thread at a safe point.
 *
 * @param <S> the service interface
 * @param <K> what names one service of the kind (a number, a name, the service itself)
 */
public final class WhiteboardKind<S, K> {
    /** Reads a service's key from its properties; null when they name none (the service is ignored). */
    @FunctionalInterface
    public interface KeyReader<S, K> {
        K key(S service, Map<String, ?> properties);
    }

    /** Binds (or unbinds) a service under its key; the properties are those it arrived with. */
    @FunctionalInterface
    public interface Binder<S, K> {
        void apply(K key, S service, Map<String, ?> properties);
    }

    /** The key of the one service bound at a time for a kind without a naming property. */
    private static final String ONLY = "the one";

    private final Class<S> service;
    private final String property;
    private final KeyReader<S, K> key;
    private final Binder<S, K> bind;
    private final Binder<S, K> unbind;

    /**
     * @param service  the service interface
     * @param property the property that names a service (for messages), or null when none does
     * @param key      reads the key; null means the properties are missing or invalid
     * @param bind     binds a service under its key (simulation thread)
     * @param unbind   unbinds it (simulation thread)
     */
    public WhiteboardKind(Class<S> service, String property, KeyReader<S, K> key, Binder<S, K> bind,
            Binder<S, K> unbind) {
        if (service == null || key == null || bind == null || unbind == null) {
            throw new IllegalArgumentException("a whiteboard kind needs a service, a key reader, bind and unbind");
        }
        this.service = service;
        this.property = property;
        this.key = key;
        this.bind = bind;
        this.unbind = unbind;
    }

    /**
     * Services named by a non-blank string property (policy providers:
     * {@code osbox.policy.name=rr}); one per name is bound.
     */
    public static <S> WhiteboardKind<S, String> named(Class<S> service, String property, BiConsumer<String, S> bind,
            BiConsumer<String, S> unbind) {
        return new WhiteboardKind<>(service, property, (s, props) -> name(props.get(property)),
                (k, s, props) -> bind.accept(k, s), (k, s, props) -> unbind.accept(k, s));
    }

    /**
     * Services numbered by an integer property in [0, limit) (system call
     * handlers: {@code osbox.syscall.number=160}), given as a number or a
     * decimal string; one per number is bound.
     */
    public static <S> WhiteboardKind<S, Integer> numbered(Class<S> service, String property, int limit,
            Binder<S, Integer> bind, BiConsumer<Integer, S> unbind) {
        return new WhiteboardKind<>(service, property, (s, props) -> number(props.get(property), limit), bind,
                (k, s, props) -> unbind.accept(k, s));
    }

    /** Services all bound at once, none naming itself (executable formats, interrupt handlers). */
    public static <S> WhiteboardKind<S, S> every(Class<S> service, Consumer<S> bind, Consumer<S> unbind) {
        return new WhiteboardKind<>(service, null, (s, props) -> s, (k, s, props) -> bind.accept(s),
                (k, s, props) -> unbind.accept(s));
    }

    /** One service bound at a time, the first to arrive; the others wait for it to leave (the terminal). */
    public static <S> WhiteboardKind<S, String> one(Class<S> service, Consumer<S> bind, Consumer<S> unbind) {
        return new WhiteboardKind<>(service, null, (s, props) -> ONLY, (k, s, props) -> bind.accept(s),
                (k, s, props) -> unbind.accept(s));
    }

    /** The service interface. */
    public Class<S> service() {
        return service;
    }

    /** The property that names a service of this kind, or null. */
    public String property() {
        return property;
    }

    /** The key {@code service} arrives under, or null when its properties name none. */
    K keyOf(S service, Map<String, ?> properties) {
        return key.key(service, properties);
    }

    void bind(K k, S s, Map<String, ?> properties) {
        bind.apply(k, s, properties);
    }

    void unbind(K k, S s, Map<String, ?> properties) {
        unbind.apply(k, s, properties);
    }

    /** A non-blank string, or null. */
    static String name(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    /** An integer (a number, or a decimal string) in [0, limit), or null. */
    static Integer number(Object value, int limit) {
        long v;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else if (value instanceof String s) {
            try {
                v = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return v >= 0 && v < limit ? (int) v : null;
    }

    @Override
    public String toString() {
        return service.getSimpleName() + (property == null ? "" : " (" + property + ")");
    }
}
