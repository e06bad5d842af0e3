package osbox.kernel.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.hw.FakeMachine;

/**
 * The one whiteboard binding: arrivals at the next safe point, departures
 * before departed() returns, services without a valid key ignored, a second
 * service under a bound key held back until the first leaves.
 */
class WhiteboardTest {
    /** A service of the tests' kinds: its name shows in the log. */
    interface Handler {
    }

    record Named(String id) implements Handler {
    }

    interface Format {
    }

    record Fmt(String id) implements Format {
    }

    /** What the mechanism was told, as "bind KEY ID" and "unbind KEY ID", each with the thread it ran on. */
    private final List<String> calls = new ArrayList<>();
    private final RecordingLogger log = new RecordingLogger();

    private final WhiteboardKind<Handler, Integer> numbered = WhiteboardKind.numbered(Handler.class, "number", 10,
            (n, h, props) -> calls.add("bind " + n + " " + ((Named) h).id() + " as " + props.get("name")),
            (n, h) -> calls.add("unbind " + n + " " + ((Named) h).id()));
    private final WhiteboardKind<Format, Format> every = WhiteboardKind.every(Format.class,
            f -> calls.add("add " + ((Fmt) f).id()), f -> calls.add("remove " + ((Fmt) f).id()));

    private Whiteboard board(FakeMachine machine) {
        return new Whiteboard("test", machine, List.of(numbered, every), log);
    }

    @Test
    void anArrivalIsBoundAtTheNextSafePoint() {
        FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.QUEUED);
        Whiteboard w = board(machine);
        Whiteboard.Arrival<Handler, Integer> a = w.arrived(numbered, new Named("a"), Map.of("number", 3,
                "name", "three"));
        assertEquals(3, a.key());
        assertEquals(List.of(), calls, "nothing before the safe point");
        assertEquals(1, machine.runTasks());
        assertEquals(List.of("bind 3 a as three"), calls);
        assertEquals(List.of(a), w.bound());
    }

    @Test
    void aDepartureIsUnboundOnTheSimulationThreadBeforeDepartedReturns() throws Exception {
        try (FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.OWN_THREAD)) {
            List<String> threads = new ArrayList<>();
            WhiteboardKind<Format, Format> kind = WhiteboardKind.every(Format.class,
                    f -> threads.add("bind on " + Thread.currentThread().getName()),
                    f -> threads.add("unbind on " + Thread.currentThread().getName()));
            Whiteboard w = new Whiteboard("test", machine, List.of(kind), log);
            Whiteboard.Arrival<Format, Format> a = w.arrived(kind, new Fmt("elf"), Map.of());
            w.departed(a);
            // read on the simulation thread: every task before this one has run
            assertEquals(List.of("bind on fake-simulation", "unbind on fake-simulation"),
                    machine.call(() -> List.copyOf(threads)));
            assertEquals(List.of(), machine.call(w::bound));
        }
    }

    @Test
    void aServiceWithoutAValidKeyIsLoggedAndIgnored() {
        FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.QUEUED);
        Whiteboard w = board(machine);
        assertNull(w.arrived(numbered, new Named("none"), Map.of()));
        assertNull(w.arrived(numbered, new Named("big"), Map.of("number", 10)));
        assertNull(w.arrived(numbered, new Named("negative"), Map.of("number", -1)));
        assertNull(w.arrived(numbered, new Named("text"), Map.of("number", "three")));
        assertEquals(0, machine.queuedTasks(), "nothing to bind");
        assertEquals(List.of(
                "WARN Handler Named[id=none] has no valid number property; ignored",
                "WARN Handler Named[id=big] has no valid number property; ignored",
                "WARN Handler Named[id=negative] has no valid number property; ignored",
                "WARN Handler Named[id=text] has no valid number property; ignored"), log.lines);
        w.departed(null);
        assertEquals(List.of(), calls);
    }

    @Test
    void aNumberMayBeADecimalString() {
        Whiteboard w = board(new FakeMachine(1));
        w.arrived(numbered, new Named("s"), Map.of("number", " 7 "));
        assertEquals(List.of("bind 7 s as null"), calls);
    }

    @Test
    void aSecondServiceUnderABoundKeyIsHeldBackUntilTheFirstLeaves() {
        Whiteboard w = board(new FakeMachine(1));
        Whiteboard.Arrival<Handler, Integer> first = w.arrived(numbered, new Named("first"), Map.of("number", 5));
        Whiteboard.Arrival<Handler, Integer> second = w.arrived(numbered, new Named("second"), Map.of("number", 5));
        Whiteboard.Arrival<Handler, Integer> third = w.arrived(numbered, new Named("third"), Map.of("number", 5));
        assertEquals(List.of("bind 5 first as null"), calls);
        assertEquals(2, log.lines.size());
        assertEquals("WARN test: Handler Named[id=second] (number=5) arrived while Handler Named[id=first] "
                + "(number=5) is bound; held back until it leaves", log.lines.get(0));
        // a held-back one leaving changes nothing bound
        w.departed(second);
        assertEquals(List.of("bind 5 first as null"), calls);
        w.departed(first);
        assertEquals(List.of("bind 5 first as null", "unbind 5 first", "bind 5 third as null"), calls);
        assertSame(third, w.bound().get(0));
        w.departed(third);
        assertEquals(List.of(), w.bound());
    }

    @Test
    void everyServiceOfAnUnnamedKindIsBound() {
        Whiteboard w = board(new FakeMachine(1));
        Whiteboard.Arrival<Format, Format> elf = w.arrived(every, new Fmt("elf"), Map.of());
        w.arrived(every, new Fmt("script"), Map.of());
        w.departed(elf);
        assertEquals(List.of("add elf", "add script", "remove elf"), calls);
        assertEquals(List.of(), log.lines);
    }

    @Test
    void oneServiceOfASingleKindAtATime() {
        List<String> terminal = new ArrayList<>();
        WhiteboardKind<Format, String> one = WhiteboardKind.one(Format.class, f -> terminal.add("set " + f),
                f -> terminal.add("clear " + f));
        Whiteboard w = new Whiteboard("test", new FakeMachine(1), List.of(one), log);
        Whiteboard.Arrival<Format, String> a = w.arrived(one, new Fmt("a"), Map.of());
        w.arrived(one, new Fmt("b"), Map.of());
        w.departed(a);
        assertEquals(List.of("set Fmt[id=a]", "clear Fmt[id=a]", "set Fmt[id=b]"), terminal);
    }

    @Test
    void aServiceThatLeavesBeforeItsArrivalRanIsNeverBound() {
        FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.QUEUED);
        Whiteboard w = board(machine);
        Whiteboard.Arrival<Format, Format> a = w.arrived(every, new Fmt("brief"), Map.of());
        w.departed(a);
        machine.runTasks();
        assertEquals(List.of(), calls);
    }

    @Test
    void aServiceIsOfferedByTheNameOfAnInterfaceItProvides() {
        Whiteboard w = board(new FakeMachine(1));
        assertSame(numbered, w.kind(Handler.class.getName()));
        assertEquals(Integer.valueOf(2), w.offer(Handler.class.getName(), new Named("x"), Map.of("number", 2)).key());
        assertNull(w.offer(Runnable.class.getName(), (Runnable) () -> { }, Map.of()));
        assertThrows(ClassCastException.class, () -> w.offer(Handler.class.getName(), "not one", Map.of()));
        assertEquals(List.of("bind 2 x as null"), calls);
    }

    @Test
    void aTableHasOneKindPerInterfaceAndKnowsItsKinds() {
        WhiteboardKind<Handler, String> named = WhiteboardKind.named(Handler.class, "name", (n, h) -> { },
                (n, h) -> { });
        assertThrows(IllegalArgumentException.class,
                () -> new Whiteboard("test", new FakeMachine(1), List.of(numbered, named)));
        Whiteboard w = board(new FakeMachine(1));
        assertEquals(List.of(numbered, every), w.kinds());
        assertThrows(IllegalArgumentException.class, () -> w.arrived(named, new Named("n"), Map.of("name", "n")));
    }

    @Test
    void aNamedKindWantsANonBlankName() {
        List<String> got = new ArrayList<>();
        WhiteboardKind<Handler, String> named = WhiteboardKind.named(Handler.class, "name",
                (n, h) -> got.add(n), (n, h) -> got.remove(n));
        Whiteboard w = new Whiteboard("test", new FakeMachine(1), List.of(named), log);
        assertNull(w.arrived(named, new Named("blank"), Map.of("name", " ")));
        assertNull(w.arrived(named, new Named("number"), Map.of("name", 3)));
        w.departed(w.arrived(named, new Named("rr"), Map.of("name", "rr")));
        w.arrived(named, new Named("cfs"), Map.of("name", "cfs"));
        assertEquals(List.of("cfs"), got);
    }
}
