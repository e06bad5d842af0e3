package osbox.hw.disk.ssd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * SSD timings worked out by hand: 4 KiB pages (8 sectors), 4 pages per
 * block, 2 channels; read 10 us, program 100 us, erase 1 ms; the bus moves
 * a page in 1 us. Host writes take the channels in turn.
 */
class SsdModelTest {
    private static final SsdParameters P = new SsdParameters(8, 4, 2, 50, 10_000, 100_000, 1_000_000, 4096);
    private final SsdModel ssd = new SsdModel(256, P);

    @Test
    void pagesOnTwoChannelsAreProgrammedInParallel() {
        // page 0: bus until 1 us, channel 0 programs 1..101 us; page 1: bus until 2 us, channel 1 2..102 us
        assertEquals(102_000, ssd.write(0, 0, 16, false));
    }

    @Test
    void readsWaitForTheFlashThenTheBus() {
        ssd.write(0, 0, 16, false);
        // both channels read 200..210 us; then the bus, a page after the other: 211, 212 us
        assertEquals(12_000, ssd.read(200_000, 0, 16));
        // a page never written is not read from flash: the bus alone
        assertEquals(1_000, ssd.read(300_000, 100, 1));
    }

    @Test
    void aPartialPageIsReadBeforeItIsRewritten() {
        ssd.write(0, 0, 16, false);
        // bus 301 us, read the old page on channel 0 until 311 us, program the new one on channel 0 until 411 us
        assertEquals(111_000, ssd.write(300_000, 0, 1, false));
    }

    @Test
    void aBusyChannelDelaysTheNextOperation() {
        ssd.write(0, 0, 8, false);               // channel 0 busy 1..101 us
        // channel 1 is free: bus 1 us, program 1..101 us (it starts at once)
        assertEquals(101_000, ssd.write(0, 8, 8, false));
        // channel 0 again: bus until 1 us, but the channel is busy until 101 us: program 101..201 us
        assertEquals(201_000, ssd.write(0, 16, 8, false));
    }

    @Test
    void flushCostsNothingWithoutAWriteCache() {
        assertEquals(0, ssd.flush(0));
    }
}
