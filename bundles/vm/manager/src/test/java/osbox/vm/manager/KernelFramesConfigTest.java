package osbox.vm.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The kernel frame pool's size: reserved only on a machine with disks, at most an eighth of memory. */
class KernelFramesConfigTest {
    @Test
    void aMachineWithoutDisksReservesNoKernelFrames() {
        assertEquals(0, VmManagerComponent.kernelFrames(64, null, 1 << 14));
        assertEquals(0, VmManagerComponent.kernelFrames(64, " ", 1 << 14));
    }

    @Test
    void aMachineWithDisksReservesTheConfiguredFramesUpToAnEighthOfMemory() {
        assertEquals(64, VmManagerComponent.kernelFrames(64, "/img/a.img,model=hdd", 1 << 14));
        assertEquals(8, VmManagerComponent.kernelFrames(64, "/img/a.img,model=hdd", 64), "256 KiB of memory");
        assertThrows(IllegalArgumentException.class, () -> VmManagerComponent.kernelFrames(-1, "a", 64));
    }
}
