package osbox.hw.intc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.hw.TrapCause;

class PlatformInterruptControllerTest {
    private final PlatformInterruptController intc = new PlatformInterruptController(8);

    @Test
    void sourcesAreHandedOutFromOneAndNamed() {
        assertEquals(8, intc.sourceCount());
        assertEquals(1, intc.allocateSource("console"));
        assertEquals(2, intc.allocateSource("disk"));
        assertEquals("console", intc.sourceName(1));
        assertEquals("disk", intc.sourceName(2));
        assertNull(intc.sourceName(3), "an unallocated source has no name");
        assertNull(intc.sourceName(0));
        assertNull(intc.sourceName(99));
    }

    @Test
    void allocatingPastTheLastSourceThrows() {
        for (int i = 1; i < 8; i++) {
            assertEquals(i, intc.allocateSource("dev" + i));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> intc.allocateSource("nic"));
        assertTrue(e.getMessage().contains("nic"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> intc.allocateSource(null));
    }

    @Test
    void nothingPendingMeansNoInterruptAndClaimZero() {
        assertEquals(TrapCause.NONE, intc.pendingFor(0));
        assertEquals(0, intc.claim(0));
    }

    @Test
    void aRaisedEnabledSourceIsExternalAndClaimClearsIt() {
        intc.setEnabled(0, 3, true);
        intc.raise(3);
        assertTrue(intc.isPending(3));
        assertEquals(TrapCause.EXTERNAL_INTERRUPT, intc.pendingFor(0));
        assertEquals(3, intc.claim(0));
        assertFalse(intc.isPending(3));
        assertEquals(TrapCause.NONE, intc.pendingFor(0));
        assertEquals(0, intc.claim(0), "a claimed source is no longer pending");
    }

    @Test
    void raisingTwiceBeforeAClaimLeavesOnePendingLevel() {
        intc.setEnabled(0, 2, true);
        intc.raise(2);
        intc.raise(2);
        assertEquals(2, intc.claim(0));
        assertEquals(0, intc.claim(0));
        assertEquals(2, intc.raiseCounts()[2], "both raises are counted");
    }

    @Test
    void aSourceDisabledForTheHartStaysPendingButDoesNotInterruptIt() {
        intc.setEnabled(1, 4, true);
        intc.raise(4);
        assertEquals(TrapCause.NONE, intc.pendingFor(0));
        assertEquals(0, intc.claim(0));
        assertTrue(intc.isPending(4));
        assertEquals(TrapCause.EXTERNAL_INTERRUPT, intc.pendingFor(1));
        assertEquals(4, intc.claim(1));
    }

    @Test
    void enablingLaterDeliversAnAlreadyPendingSource() {
        intc.raise(5);
        assertEquals(TrapCause.NONE, intc.pendingFor(0));
        intc.setEnabled(0, 5, true);
        assertEquals(5, intc.claim(0));
        intc.setEnabled(0, 5, false);
        intc.raise(5);
        assertEquals(0, intc.claim(0), "disabling masks the source again");
    }

    @Test
    void claimTakesTheHighestPriorityFirst() {
        for (int s = 1; s <= 3; s++) {
            intc.setEnabled(0, s, true);
            intc.raise(s);
        }
        intc.setPriority(2, 5);
        intc.setPriority(3, 3);
        assertEquals(2, intc.claim(0));
        assertEquals(3, intc.claim(0));
        assertEquals(1, intc.claim(0));
        assertEquals(0, intc.claim(0));
    }

    @Test
    void equalPrioritiesGoLowestNumberFirst() {
        intc.setEnabled(0, 6, true);
        intc.setEnabled(0, 4, true);
        intc.raise(6);
        intc.raise(4);
        assertEquals(4, intc.claim(0));
        assertEquals(6, intc.claim(0));
    }

    @Test
    void priorityZeroNeverInterrupts() {
        intc.setEnabled(0, 1, true);
        intc.setPriority(1, 0);
        intc.raise(1);
        assertEquals(TrapCause.NONE, intc.pendingFor(0));
        assertEquals(0, intc.claim(0));
        intc.setPriority(1, 1);
        assertEquals(1, intc.claim(0), "the source stayed pending while masked by priority 0");
    }

    @Test
    void onlyPrioritiesAboveTheThresholdInterrupt() {
        intc.setEnabled(0, 1, true);
        intc.setEnabled(0, 2, true);
        intc.setPriority(1, 2);
        intc.setPriority(2, 3);
        intc.setThreshold(0, 2);
        intc.raise(1);
        assertEquals(TrapCause.NONE, intc.pendingFor(0), "priority equal to the threshold does not interrupt");
        assertEquals(0, intc.claim(0));
        intc.raise(2);
        assertEquals(2, intc.claim(0));
        assertEquals(0, intc.claim(0));
        intc.setThreshold(0, 0);
        assertEquals(1, intc.claim(0));
    }

    @Test
    void thresholdsArePerHart() {
        intc.setEnabled(0, 1, true);
        intc.setEnabled(1, 1, true);
        intc.setThreshold(0, 1);
        intc.raise(1);
        assertEquals(TrapCause.NONE, intc.pendingFor(0));
        assertEquals(TrapCause.EXTERNAL_INTERRUPT, intc.pendingFor(1));
    }

    @Test
    void timerLineIsPerHartAndExternalWins() {
        intc.setTimerPending(2, true);
        assertEquals(TrapCause.TIMER_INTERRUPT, intc.pendingFor(2));
        assertEquals(TrapCause.NONE, intc.pendingFor(1));
        assertTrue(intc.timerPending(2));
        intc.setEnabled(2, 1, true);
        intc.raise(1);
        assertEquals(TrapCause.EXTERNAL_INTERRUPT, intc.pendingFor(2));
        assertEquals(1, intc.claim(2));
        assertEquals(TrapCause.TIMER_INTERRUPT, intc.pendingFor(2));
        intc.setTimerPending(2, false);
        assertEquals(TrapCause.NONE, intc.pendingFor(2));
    }

    @Test
    void completeEndsTheClaimAndIgnoresSourcesNotClaimed() {
        intc.setEnabled(0, 3, true);
        intc.raise(3);
        assertEquals(3, intc.claim(0));
        assertEquals(3, intc.inService(0));
        intc.complete(0, 2);
        assertEquals(3, intc.inService(0), "completing another source leaves the claim");
        intc.complete(0, 3);
        assertEquals(0, intc.inService(0));
        intc.raise(3);
        assertEquals(3, intc.claim(0), "a completed source can interrupt again");
    }

    @Test
    void raiseCountsAreIndexedBySourceAndACopy() {
        intc.raise(1);
        intc.raise(7);
        intc.raise(7);
        long[] counts = intc.raiseCounts();
        assertArrayEquals(new long[] {0, 1, 0, 0, 0, 0, 0, 2}, counts);
        counts[1] = 100;
        assertEquals(1, intc.raiseCounts()[1]);
    }

    @Test
    void badArgumentsAreRefusedLoudly() {
        assertThrows(IllegalArgumentException.class, () -> intc.raise(0));
        assertThrows(IllegalArgumentException.class, () -> intc.raise(8));
        assertThrows(IllegalArgumentException.class, () -> intc.setPriority(1, -1));
        assertThrows(IllegalArgumentException.class, () -> intc.setThreshold(0, -1));
        assertThrows(IllegalArgumentException.class, () -> intc.setEnabled(64, 1, true));
        assertThrows(IllegalArgumentException.class, () -> intc.setEnabled(-1, 1, true));
        assertThrows(IllegalArgumentException.class, () -> intc.claim(64));
        assertThrows(IllegalArgumentException.class, () -> intc.pendingFor(64));
        assertThrows(IllegalArgumentException.class, () -> intc.setTimerPending(64, true));
        assertThrows(IllegalArgumentException.class, () -> intc.complete(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PlatformInterruptController(1));
        assertThrows(IllegalArgumentException.class, () -> new PlatformInterruptController(1_000_000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> intc.raise(9));
        assertEquals("interrupt source 9 outside 1..7", e.getMessage());
    }

    @Test
    void allSixtyFourHartsWork() {
        intc.setEnabled(63, 1, true);
        intc.setTimerPending(63, true);
        intc.raise(1);
        assertEquals(TrapCause.EXTERNAL_INTERRUPT, intc.pendingFor(63));
        assertEquals(1, intc.claim(63));
        assertEquals(TrapCause.TIMER_INTERRUPT, intc.pendingFor(63));
    }
}
