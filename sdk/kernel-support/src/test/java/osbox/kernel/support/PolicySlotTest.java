package osbox.kernel.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.kernel.support.TestPolicies.Handovers;
import osbox.kernel.support.TestPolicies.Policy;
import osbox.kernel.support.TestPolicies.Provider;

/**
 * The generic policy slot: selection with options, providers arriving and
 * leaving, the wish kept while a provider is absent, ejection and fallback,
 * a hand-over (re-seeding) on every switch, and the guard around calls.
 */
class PolicySlotTest {
    private Handovers handovers;
    private PolicySlot<Policy, Provider> slot;
    private Provider alpha;
    private Provider beta;

    @BeforeEach
    void setUp() {
        handovers = new Handovers();
        slot = new PolicySlot<>("test", TestPolicies.BUILTIN, handovers);
        alpha = new Provider("alpha");
        beta = new Provider("beta");
    }

    /** A new slot runs the fallback, with nothing waited for, no options, no swap. */
    @Test
    void startsWithTheFallback() {
        assertSame(TestPolicies.BUILTIN, slot.active());
        assertEquals("builtin", slot.activeName());
        assertTrue(slot.isFallback());
        assertNull(slot.waitingFor());
        assertEquals(Map.of(), slot.activeOptions());
        assertEquals(0, slot.swaps());
        assertEquals(List.of(), handovers.log);
        assertEquals("test", slot.noun());
    }

    /** Selecting a present provider makes an instance with the options and hands over to it at once. */
    @Test
    void selectsAPresentProviderWithOptions() {
        slot.addProvider("alpha", alpha);
        assertEquals(List.of(), handovers.log, "an arrival nobody asked for changes nothing");
        assertTrue(slot.select("alpha", Map.of("level", "3")));
        assertEquals(new Policy("alpha", Map.of("level", "3")), slot.active());
        assertEquals("alpha", slot.activeName());
        assertFalse(slot.isFallback());
        assertEquals(Map.of("level", "3"), slot.activeOptions());
        assertNull(slot.waitingFor());
        assertEquals(List.of("builtin->alpha"), handovers.log);
        assertEquals(1, slot.swaps());
    }

    /** activeOptions is sorted by key, and a copy. */
    @Test
    void activeOptionsAreSortedCopies() {
        slot.addProvider("alpha", new Provider("alpha") {
            @Override
            public Map<String, String> defaults() {
                return Map.of("level", "1", "b", "0", "a", "0");
            }
        });
        Map<String, String> given = new LinkedHashMap<>();
        given.put("level", "2");
        given.put("b", "1");
        given.put("a", "1");
        slot.select("alpha", given);
        assertEquals(List.of("a", "b", "level"), new ArrayList<>(slot.activeOptions().keySet()));
        slot.activeOptions().clear();
        assertEquals(3, slot.activeOptions().size());
    }

    /** Bad options of a present provider: IllegalArgumentException naming the option, and nothing changes. */
    @Test
    void refusedOptionsChangeNothing() {
        slot.addProvider("alpha", alpha);
        slot.addProvider("beta", beta);
        slot.select("alpha", Map.of("level", "2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> slot.select("beta", Map.of("level", "0")));
        assertEquals("option 'level' must be at least 1, got 0", e.getMessage());
        assertEquals("alpha", slot.activeName());
        assertEquals(Map.of("level", "2"), slot.activeOptions());
        assertNull(slot.waitingFor());
        assertEquals(1, slot.swaps());
    }

    /** The built-in policy takes no options; asking for it with some changes nothing. */
    @Test
    void theBuiltinTakesNoOptions() {
        slot.addProvider("alpha", alpha);
        slot.select("alpha", Map.of());
        Map<String, String> given = new LinkedHashMap<>();
        given.put("z", "1");
        given.put("a", "2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> slot.select("builtin", given));
        assertEquals("the built-in policy takes no options (got z, a)", e.getMessage());
        assertEquals("alpha", slot.activeName());
        assertTrue(slot.select("builtin", Map.of()));
        assertTrue(slot.isFallback());
        assertEquals(List.of("builtin->alpha", "alpha->builtin"), handovers.log);
    }

    /** A wish for an absent provider is kept (the fallback runs) and granted, with its options, when it arrives. */
    @Test
    void theWishIsKeptUntilTheProviderArrives() {
        assertFalse(slot.select("alpha", Map.of("level", "4")));
        assertTrue(slot.isFallback());
        assertEquals("alpha", slot.waitingFor());
        assertEquals(Map.of(), slot.activeOptions(), "the fallback runs meanwhile");
        slot.addProvider("beta", beta);
        assertEquals("alpha", slot.waitingFor(), "another arrival does not grant it");
        slot.addProvider("alpha", alpha);
        assertEquals(new Policy("alpha", Map.of("level", "4")), slot.active());
        assertNull(slot.waitingFor());
        assertEquals(Map.of("level", "4"), slot.activeOptions());
        assertEquals(List.of("builtin->alpha"), handovers.log);
    }

    /** An arriving provider whose wished-for options it refuses stays unused; the fallback keeps running. */
    @Test
    void anArrivalRefusingTheWishedOptionsIsNotAttached() {
        assertFalse(slot.select("alpha", Map.of("level", "0")));
        slot.addProvider("alpha", alpha);
        assertTrue(slot.isFallback());
        assertEquals("alpha", slot.waitingFor());
        assertEquals(List.of(), handovers.log);
    }

    /** The active provider leaving: the fallback takes over, the wish stays, and its return re-attaches a new instance. */
    @Test
    void theActiveProviderLeavingAndReturning() {
        slot.addProvider("alpha", alpha);
        slot.select("alpha", Map.of("level", "2"));
        slot.removeProvider("alpha", alpha);
        assertTrue(slot.isFallback());
        assertEquals("alpha", slot.waitingFor());
        assertEquals(List.of(), slot.available());
        Provider again = new Provider("alpha");
        slot.addProvider("alpha", again);
        assertEquals("alpha", slot.activeName());
        assertEquals(List.of(new Policy("alpha", Map.of("level", "2"))), again.made, "made anew with the same options");
        assertEquals(List.of("builtin->alpha", "alpha->builtin", "builtin->alpha"), handovers.log);
        assertEquals(3, slot.swaps());
    }

    /** A provider that is not the registered one under its name leaving changes nothing (a stale unbind). */
    @Test
    void aStaleRemovalChangesNothing() {
        slot.addProvider("alpha", alpha);
        slot.select("alpha", Map.of());
        slot.removeProvider("alpha", new Provider("alpha"));
        assertEquals("alpha", slot.activeName());
        assertSame(alpha, slot.provider("alpha"));
        slot.removeProvider("beta", beta);
        assertEquals(List.of("builtin->alpha"), handovers.log);
    }

    /** An inactive provider leaving changes nothing but the list. */
    @Test
    void anInactiveProviderLeaving() {
        slot.addProvider("alpha", alpha);
        slot.addProvider("beta", beta);
        slot.select("alpha", Map.of());
        slot.removeProvider("beta", beta);
        assertEquals("alpha", slot.activeName());
        assertEquals(List.of("alpha"), slot.available());
        assertNull(slot.provider("beta"));
        assertEquals(1, slot.swaps());
    }

    /** Providers are listed by name, whatever their arrival order. */
    @Test
    void providersAreListedByName() {
        slot.addProvider("beta", beta);
        slot.addProvider("alpha", alpha);
        assertEquals(List.of("alpha", "beta"), slot.available());
    }

    /** Ejection: the fallback takes over, the reason is recorded with the time, the wish is dropped. */
    @Test
    void ejectionFallsBackAndDropsTheWish() {
        slot.addProvider("alpha", alpha);
        slot.select("alpha", Map.of("level", "2"));
        slot.eject(1234, "picked a task that is not runnable");
        assertTrue(slot.isFallback());
        assertEquals("builtin", slot.activeName());
        assertNull(slot.waitingFor(), "an ejected policy is not waited for");
        assertEquals(Map.of(), slot.activeOptions());
        assertEquals(List.of(new PolicySlot.Ejection(1234, "alpha", "picked a task that is not runnable")),
                slot.ejections());
        // it does not come back by itself
        slot.removeProvider("alpha", alpha);
        slot.addProvider("alpha", alpha);
        assertTrue(slot.isFallback());
        // but the user may choose it again
        assertTrue(slot.select("alpha", Map.of()));
        assertEquals(List.of("builtin->alpha", "alpha->builtin", "builtin->alpha"), handovers.log);
        assertEquals(3, slot.swaps());
    }

    /** Ejecting the fallback does nothing: it is trusted kernel code. */
    @Test
    void theFallbackIsNeverEjected() {
        slot.eject(5, "no reason");
        assertEquals(List.of(), slot.ejections());
        assertEquals(0, slot.swaps());
        assertEquals(List.of(), handovers.log);
    }

    /** Ejections accumulate oldest first, and the list handed out is a copy. */
    @Test
    void ejectionsAccumulate() {
        slot.addProvider("alpha", alpha);
        slot.addProvider("beta", beta);
        slot.select("alpha", Map.of());
        slot.eject(10, "threw");
        slot.select("beta", Map.of());
        slot.eject(20, "starved a task");
        List<PolicySlot.Ejection> ejections = slot.ejections();
        assertEquals(List.of(new PolicySlot.Ejection(10, "alpha", "threw"),
                new PolicySlot.Ejection(20, "beta", "starved a task")), ejections);
        assertThrows(UnsupportedOperationException.class, () -> ejections.add(null));
    }

    /** Every switch hands over, from the policy that was active to the new one, even between two of one provider. */
    @Test
    void everySwitchHandsOver() {
        List<Policy[]> pairs = new ArrayList<>();
        PolicySlot<Policy, Provider> s = new PolicySlot<>("test", TestPolicies.BUILTIN,
                (from, to) -> pairs.add(new Policy[] {from, to}));
        s.addProvider("alpha", alpha);
        s.select("alpha", Map.of("level", "1"));
        Policy first = s.active();
        s.select("alpha", Map.of("level", "2"));
        Policy second = s.active();
        assertSame(TestPolicies.BUILTIN, pairs.get(0)[0]);
        assertSame(first, pairs.get(0)[1]);
        assertSame(first, pairs.get(1)[0], "the old instance is handed over from");
        assertSame(second, pairs.get(1)[1], "a new instance, seeded anew");
        assertEquals(2, s.swaps());
        assertEquals(2, alpha.made.size());
    }

    /** The hand-over sees the slot already switched: the mechanism seeds the policy it will call. */
    @Test
    void theHandoverSeesTheNewActivePolicy() {
        List<String> seen = new ArrayList<>();
        PolicySlot<Policy, Provider>[] holder = new PolicySlot[1];
        holder[0] = new PolicySlot<>("test", TestPolicies.BUILTIN,
                (from, to) -> seen.add(holder[0].activeName() + " " + (holder[0].active() == to)));
        holder[0].addProvider("alpha", alpha);
        holder[0].select("alpha", Map.of());
        holder[0].eject(1, "x");
        assertEquals(List.of("alpha true", "builtin true"), seen);
    }

    /** guard answers the call's result when it succeeds. */
    @Test
    void guardPassesResultsThrough() {
        slot.addProvider("alpha", alpha);
        slot.select("alpha", Map.of());
        List<String> failures = new ArrayList<>();
        assertEquals(42, slot.guard("pick", () -> 42, -1, failures::add));
        assertEquals(List.of(), failures);
    }

    /** A throwing policy: the failure names the call and the exception; the mechanism ejects it there. */
    @Test
    void guardReportsAThrowingPolicy() {
        slot.addProvider("alpha", alpha);
        slot.select("alpha", Map.of());
        List<String> failures = new ArrayList<>();
        Integer answer = slot.guard("pick", () -> {
            throw new IllegalStateException("boom");
        }, -1, reason -> {
            failures.add(reason);
            slot.eject(7, reason);
        });
        assertEquals(-1, answer);
        assertEquals(List.of("pick threw java.lang.IllegalStateException: boom"), failures);
        assertTrue(slot.isFallback());
        assertEquals("pick threw java.lang.IllegalStateException: boom", slot.ejections().get(0).reason());
    }

    /** A policy that overflows its stack is caught like one that throws. */
    @Test
    void guardCatchesAStackOverflow() {
        slot.addProvider("alpha", alpha);
        slot.select("alpha", Map.of());
        List<String> failures = new ArrayList<>();
        slot.guard("enqueue", () -> {
            throw new StackOverflowError();
        }, failures::add);
        assertEquals(List.of("enqueue threw java.lang.StackOverflowError"), failures);
    }

    /** A failure after the policy already changed during the call is not blamed on the new one. */
    @Test
    void guardDoesNotBlameASuccessor() {
        slot.addProvider("alpha", alpha);
        slot.addProvider("beta", beta);
        slot.select("alpha", Map.of());
        List<String> failures = new ArrayList<>();
        slot.guard("tick", () -> {
            slot.select("beta", Map.of());
            throw new IllegalStateException("late");
        }, failures::add);
        assertEquals(List.of(), failures);
        assertEquals("beta", slot.activeName());
    }

    /** Errors other than a stack overflow are not the policy's to swallow: they pass through. */
    @Test
    void guardLetsOtherErrorsThrough() {
        assertThrows(OutOfMemoryError.class, () -> slot.guard("pick", () -> {
            throw new OutOfMemoryError("host");
        }, 0, reason -> { }));
    }
}
