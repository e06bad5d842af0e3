package osbox.hw.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameStoreTest {
    private final FrameStore mem = new FrameStore(1 << 20);

    @Test
    void storesAndLoadsLittleEndianOfEverySize() {
        mem.store(0x100, 8, 0x1122334455667788L);
        assertEquals(0x88, mem.load(0x100, 1));
        assertEquals(0x7788, mem.load(0x100, 2));
        assertEquals(0x55667788L, mem.load(0x100, 4));
        assertEquals(0x1122334455667788L, mem.load(0x100, 8));
    }

    @Test
    void accessesCrossingAFrameBoundaryWork() {
        mem.store(4096 - 3, 8, 0x0102030405060708L);
        assertEquals(0x0102030405060708L, mem.load(4096 - 3, 8));
        assertEquals(0x05, mem.load(4096, 1));
        byte[] buf = new byte[10000];
        for (int i = 0; i < buf.length; i++) {
            buf[i] = (byte) i;
        }
        mem.write(5000, buf, 0, buf.length);
        byte[] back = new byte[10000];
        mem.read(5000, back, 0, back.length);
        assertArrayEquals(buf, back);
    }

    @Test
    void untouchedMemoryReadsZero() {
        assertEquals(0, mem.load((1 << 20) - 8, 8));
    }

    @Test
    void outOfRangeAccessIsRefusedLoudly() {
        assertThrows(IllegalArgumentException.class, () -> mem.load(1 << 20, 1));
        assertThrows(IllegalArgumentException.class, () -> mem.load((1 << 20) - 4, 8));
        assertThrows(IllegalArgumentException.class, () -> mem.frame(256));
        assertThrows(IllegalArgumentException.class, () -> new FrameStore(1000));
        assertFalse(mem.contains(-1, 1));
    }

    @Test
    void writingACodeFrameTellsListenersOnceAndClearsTheMark() {
        List<Long> told = new ArrayList<>();
        mem.addCodeWriteListener(told::add);
        mem.markCode(3);
        assertTrue(mem.isCode(3));
        mem.store(3 * 4096 + 8, 4, 0x13);
        assertEquals(List.of(3L), told);
        assertFalse(mem.isCode(3));
        mem.store(3 * 4096 + 8, 4, 0x13);
        assertEquals(List.of(3L), told, "a frame no longer marked is not reported again");
        mem.markCode(4);
        mem.zeroFrame(4);
        mem.markCode(5);
        mem.unmarkCode(5);
        assertEquals(List.of(3L, 4L, 5L), told);
    }

    @Test
    void aFourTebibyteMemoryCostsNothingUntilTouched() {
        long size = 4L << 40;
        FrameStore big = new FrameStore(size);
        assertEquals(1L << 30, big.frameCount());
        assertEquals(0, big.chunksAllocated(), "no chunk of the frame table before the first access");
        assertEquals(0, big.framesAllocated());
        assertEquals(0, big.load(size - 8, 8), "untouched memory reads zero without being made");
        assertEquals(1, big.chunksAllocated());
        assertEquals(1, big.framesAllocated());
    }

    @Test
    void theLastFrameOfAFourTebibyteMemoryWorksAndTheNextIsRefused() {
        long size = 4L << 40;
        long last = (size >>> 12) - 1;
        FrameStore big = new FrameStore(size);
        big.store(size - 8, 8, 0x0102030405060708L);
        assertEquals(0x0102030405060708L, big.load(size - 8, 8));
        assertEquals(0x01, big.frame(last)[4095]);
        big.store(0, 1, 7);
        assertEquals(7, big.load(0, 1));
        assertEquals(2, big.chunksAllocated(), "the first and the last chunk only");
        assertEquals(2, big.framesAllocated());

        List<Long> told = new ArrayList<>();
        big.addCodeWriteListener(told::add);
        big.markCode(last);
        assertTrue(big.isCode(last));
        big.store(size - 1, 1, 0);
        assertEquals(List.of(last), told);

        assertThrows(IllegalArgumentException.class, () -> big.frame(last + 1));
        assertThrows(IllegalArgumentException.class, () -> big.load(size, 1));
        assertThrows(IllegalArgumentException.class, () -> big.load(size - 4, 8));
        assertThrows(IllegalArgumentException.class, () -> big.store(size - 7, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> big.markCode(last + 1));
        assertThrows(IllegalArgumentException.class, () -> big.unmarkCode(last + 1));
        assertThrows(IllegalArgumentException.class, () -> big.frame(-1));
        assertFalse(big.isCode(last + 1));
        assertFalse(big.contains(size - 1, 2));
        assertEquals(2, big.framesAllocated(), "refused accesses make nothing");
    }

    @Test
    void aMemoryWhoseSizeIsNotAWholeChunkEndsAtItsLastFrame() {
        long frames = FrameStore.FLAT_FRAMES + 3; // above the flat limit: a directory whose last chunk is partial
        FrameStore odd = new FrameStore(frames * 4096);
        odd.store(frames * 4096 - 1, 1, 9);
        assertEquals(9, odd.load(frames * 4096 - 1, 1));
        assertThrows(IllegalArgumentException.class, () -> odd.frame(frames));
        assertThrows(IllegalArgumentException.class, () -> odd.load(frames * 4096, 1));
    }

    @Test
    void aMemoryLargerThanTheFrameLimitIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FrameStore((FrameStore.MAX_FRAMES + 1) << 12));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        assertEquals(FrameStore.MAX_FRAMES, new FrameStore(FrameStore.MAX_FRAMES << 12).frameCount());
    }

    @Test
    void theLastFrameWorksOnBothSidesOfTheFlatLimit() {
        for (long frames : new long[] {FrameStore.FLAT_FRAMES, FrameStore.FLAT_FRAMES + 1}) {
            FrameStore m = new FrameStore(frames << 12);
            long last = frames - 1;
            List<Long> told = new ArrayList<>();
            m.addCodeWriteListener(told::add);
            m.store((last << 12) + 4088, 8, -2);
            assertEquals(-2, m.load((last << 12) + 4088, 8));
            m.markCode(last);
            assertTrue(m.isCode(last));
            m.zeroFrame(last);
            assertFalse(m.isCode(last));
            assertEquals(List.of(last), told);
            assertEquals(1, m.framesAllocated());
            assertEquals(frames > FrameStore.FLAT_FRAMES ? 1 : 0, m.chunksAllocated(), "chunks only above the flat limit");
            assertThrows(IllegalArgumentException.class, () -> m.frame(last + 1));
            assertThrows(IllegalArgumentException.class, () -> m.load(frames << 12, 1));
            assertFalse(m.isCode(last + 1));
        }
    }
}
