package osbox.hw.intc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;
import osbox.api.hw.TrapCause;

class InterruptControllerComponentTest {
    private static InterruptControllerComponent.Config sources(int n) {
        return new InterruptControllerComponent.Config() {
            @Override public int sources() { return n; }
            @Override public Class<? extends Annotation> annotationType() { return InterruptControllerComponent.Config.class; }
        };
    }

    @Test
    void theComponentIsSizedByConfigAndDelegates() {
        InterruptControllerComponent c = new InterruptControllerComponent(sources(16));
        assertEquals(16, c.sourceCount());
        int s = c.allocateSource("console");
        assertEquals(1, s);
        assertEquals("console", c.sourceName(s));
        c.setEnabled(0, s, true);
        c.raise(s);
        assertEquals(TrapCause.EXTERNAL_INTERRUPT, c.pendingFor(0));
        assertEquals(s, c.claim(0));
        c.complete(0, s);
        c.setTimerPending(0, true);
        assertEquals(TrapCause.TIMER_INTERRUPT, c.pendingFor(0));
        assertEquals(1, c.raiseCounts()[s]);
    }
}
