package osbox.hw.dma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.DmaEngine;
import osbox.hw.memory.FrameStore;
import osbox.testkit.hw.FakeInterruptController;
import osbox.testkit.hw.FakeMachine;

/** Scatter-gather copies over real physical memory on a 1 GHz fake machine (a cycle is a nanosecond). */
class ScatterGatherDmaTest {
    private final FrameStore memory = new FrameStore(64 * 1024);
    private final FakeMachine machine = new FakeMachine(1, memory);
    private final FakeInterruptController intc = new FakeInterruptController();
    // 500 ns to start, 100 bytes per microsecond
    private final ScatterGatherDma dma = new ScatterGatherDma(machine, intc, 500, 100);
    private final List<String> completions = new ArrayList<>();
    private final DmaEngine.Completion done = (status, bytes) -> completions.add(status + ":" + bytes + "@"
            + machine.now());

    @Test
    void aReadIntoMemoryFillsTheSegmentsInOrder() {
        descriptor(0x100, 0x2000, 300, 0);
        descriptor(0x110, 0x3000, 300, DmaEngine.DESCRIPTOR_LAST);
        byte[] buffer = new byte[512];
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = (byte) i;
        }
        // 500 ns + 512 bytes at 100 bytes/us = 5120 ns
        assertEquals(5620, dma.transfer(0x100, buffer, 512, true, true, done));
        assertEquals(299 & 0xff, memory.load(0x2000 + 299, 1));
        assertEquals(300 & 0xff, memory.load(0x3000, 1));
        assertEquals(511 & 0xff, memory.load(0x3000 + 211, 1));
        assertEquals(0, memory.load(0x3000 + 212, 1), "the last segment is filled only as far as needed");
        assertEquals(List.of(), completions, "the device hears of it when the time is over");
        machine.advanceTo(5620);
        assertEquals(List.of("0:512@5620"), completions);
        assertEquals(List.of(dma.interruptSource()), intc.raised());
        assertEquals(512, dma.bytesMoved());
        assertEquals(5620, dma.busyCycles());
    }

    @Test
    void aWriteFromMemoryGathersTheSegments() {
        memory.store(0x2000, 8, 0x1122334455667788L);
        memory.store(0x3000, 8, 0x0102030405060708L);
        descriptor(0x100, 0x2000, 8, 0);
        descriptor(0x110, 0x3000, 8, DmaEngine.DESCRIPTOR_LAST);
        byte[] buffer = new byte[16];
        dma.transfer(0x100, buffer, 16, false, false, done);
        assertEquals((byte) 0x88, buffer[0]);
        assertEquals((byte) 0x08, buffer[8]);
        machine.advanceTo(100_000);
        assertEquals(List.of(), intc.raised(), "no interrupt unless asked");
        assertEquals(1, completions.size());
    }

    @Test
    void aBadListMovesNothingAndSaysSoAtOnce() {
        byte[] buffer = new byte[512];
        descriptor(0x100, 0x2000, 100, DmaEngine.DESCRIPTOR_LAST);               // too short
        dma.transfer(0x100, buffer, 512, false, false, done);
        descriptor(0x200, 64 * 1024 - 8, 512, DmaEngine.DESCRIPTOR_LAST);        // runs out of memory
        dma.transfer(0x200, buffer, 512, false, false, done);
        descriptor(0x300, 0x2000, 0, DmaEngine.DESCRIPTOR_LAST);                 // a zero-length segment
        dma.transfer(0x300, buffer, 512, false, false, done);
        dma.transfer(64 * 1024 - 4, buffer, 512, false, false, done);            // the list itself is outside
        assertEquals(List.of("1:0@0", "1:0@0", "1:0@0", "1:0@0"), completions);
        assertEquals(0, dma.transfers());
    }

    private void descriptor(long at, long address, int length, int flags) {
        memory.store(at, 8, address);
        memory.store(at + 8, 4, length);
        memory.store(at + 12, 4, flags);
    }
}
