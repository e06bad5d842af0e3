package osbox.kernel.core.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.TrapCause;

class TrapTableTest {
    private record Call(String handler, int cause, long tval) {
    }

    private final List<Call> calls = new ArrayList<>();

    private TrapTable.Handler named(String name) {
        return (hart, cause, tval) -> calls.add(new Call(name, cause, tval));
    }

    private final TrapTable table = new TrapTable(named("unexpected"));

    @Test
    void dispatchesExceptionsByCause() {
        table.setException(TrapCause.ECALL_FROM_U, named("ecall"));
        table.setException(TrapCause.LOAD_PAGE_FAULT, named("fault"));
        table.setException(TrapCause.STORE_PAGE_FAULT, named("fault"));
        table.trap(null, TrapCause.ECALL_FROM_U, 0);
        table.trap(null, TrapCause.LOAD_PAGE_FAULT, 0x1234);
        table.trap(null, TrapCause.STORE_PAGE_FAULT, 0x5678);
        assertEquals(List.of(new Call("ecall", 8, 0), new Call("fault", 13, 0x1234), new Call("fault", 15, 0x5678)),
                calls);
    }

    @Test
    void causesWithoutAHandlerGoToUnexpected() {
        table.setException(TrapCause.ECALL_FROM_U, named("ecall"));
        table.trap(null, TrapCause.ILLEGAL_INSTRUCTION, 0xbad);
        table.trap(null, 14, 0);
        table.trap(null, TrapCause.EXCEPTION_COUNT, 0);
        table.trap(null, 1000, 0);
        table.trap(null, TrapCause.NONE, 0);
        table.trap(null, TrapCause.INTERRUPT | 1, 0);
        table.trap(null, TrapCause.TIMER_INTERRUPT, 0);
        table.trap(null, TrapCause.EXTERNAL_INTERRUPT, 0);
        assertEquals(8, calls.size());
        calls.forEach(c -> assertEquals("unexpected", c.handler(), "cause " + c.cause()));
        assertEquals(0xbad, calls.get(0).tval());
    }

    @Test
    void interruptsGoToTimerAndExternal() {
        table.setTimer(named("timer"));
        table.setExternal(named("external"));
        table.trap(null, TrapCause.TIMER_INTERRUPT, 0);
        table.trap(null, TrapCause.EXTERNAL_INTERRUPT, 0);
        table.trap(null, 5, 0);
        table.trap(null, 9, 0);
        assertEquals(List.of(new Call("timer", TrapCause.TIMER_INTERRUPT, 0),
                new Call("external", TrapCause.EXTERNAL_INTERRUPT, 0),
                new Call("unexpected", 5, 0), new Call("unexpected", 9, 0)), calls,
                "exception causes 5 and 9 are not the interrupts of the same number");
    }

    @Test
    void handlerReceivesTheHart() {
        List<Object> harts = new ArrayList<>();
        table.setException(TrapCause.BREAKPOINT, (h, c, t) -> harts.add(h));
        table.trap(null, TrapCause.BREAKPOINT, 0);
        assertEquals(1, harts.size());
    }

    @Test
    void settingANonExceptionCauseThrows() {
        assertThrows(IllegalArgumentException.class, () -> table.setException(-1, named("x")));
        assertThrows(IllegalArgumentException.class, () -> table.setException(TrapCause.EXCEPTION_COUNT, named("x")));
        assertThrows(IllegalArgumentException.class, () -> table.setException(TrapCause.TIMER_INTERRUPT, named("x")));
    }

    @Test
    void laterInstallReplaces() {
        table.setException(TrapCause.BREAKPOINT, named("a"));
        table.setException(TrapCause.BREAKPOINT, named("b"));
        table.trap(null, TrapCause.BREAKPOINT, 0);
        assertEquals("b", calls.get(0).handler());
    }
}
