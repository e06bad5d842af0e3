package osbox.kernel.core.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;
import osbox.testkit.hw.FakeHart;

/**
 * Kernel.currentHart and chargeCpu through the real trap vector: a system
 * call sees its own hart, and what it charges moves that hart's clock at
 * the end of the trap; a charge made outside a trap, or to another hart,
 * waits for that hart's next trap.
 */
class CpuChargesTest {
    private static final int CHARGE = 300;

    @Test
    void chargesArePaidAtTheEndOfTheHartsTrap() throws Exception {
        KernelBench k = new KernelBench();
        List<Integer> seen = new ArrayList<>();
        k.kernel.installSyscall(CHARGE, "charge", c -> {
            seen.add(k.kernel.currentHart());
            k.kernel.chargeCpu(k.kernel.currentHart(), c.arg(0));
            k.kernel.chargeCpu((int) c.arg(1), c.arg(2));
            return 0;
        });
        Process p = k.spawn("io");
        FakeHart hart = k.hartOf(p);
        int other = (hart.id() + 1) % k.machine.hartCount();
        assertEquals(-1, k.kernel.currentHart(), "outside a trap");
        long before = hart.cycle();
        assertEquals(0, k.call(p, CHARGE, 5_000, other, 700));
        assertEquals(List.of(hart.id()), seen);
        assertEquals(before + 5_000, hart.cycle(), "paid as the trap ends");
        assertEquals(-1, k.kernel.currentHart());
        // charged outside a trap (an event between instructions): paid at the hart's next trap
        k.kernel.chargeCpu(hart.id(), 1_000);
        k.kernel.chargeCpu(hart.id(), -5);
        k.kernel.chargeCpu(99, 1_000);
        assertEquals(before + 5_000, hart.cycle());
        assertEquals(0, k.call(p, CHARGE, 0, 0, 0));
        assertEquals(before + 6_000, hart.cycle());
    }

    @Test
    void owedCyclesWaitForTheirHart() {
        CpuCharges c = new CpuCharges(2);
        c.charge(1, 700);
        c.enter(0);
        assertEquals(0, c.current());
        assertEquals(0, c.leave(0));
        assertEquals(700, c.owed(1));
        c.enter(1);
        assertEquals(700, c.leave(1));
        assertEquals(0, c.owed(1));
        assertEquals(-1, c.current());
    }
}
