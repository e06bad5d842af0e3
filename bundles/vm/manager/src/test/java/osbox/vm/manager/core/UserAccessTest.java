package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.vm.manager.core.VmFixture.PAGE;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Pte;
import osbox.api.memory.UserCopy;

class UserAccessTest {
    private final VmFixture f = new VmFixture();
    private final PagedAddressSpace s = f.space();
    private final CopyMemory u = new CopyMemory(f.mem, s);
    /** Three writable pages at rw, then one read-only page at ro = rw + 3 pages, then nothing. */
    private long rw;
    private long ro;

    @BeforeEach
    void map() {
        ro = s.mapAnonymous(0, PAGE, Pte.R, false);
        rw = s.mapAnonymous(0, 3 * PAGE, Pte.R | Pte.W, false);
        assertEquals(ro - 3 * PAGE, rw);
    }

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 13 + 5);
        }
        return b;
    }

    @Test
    void writeAndReadAcrossAPageBoundary() {
        byte[] data = pattern(300);
        long va = rw + PAGE - 100;
        assertTrue(u.write(va, data, 0, data.length));
        byte[] back = new byte[300];
        assertTrue(u.read(va, back, 0, 300));
        assertArrayEquals(data, back);
        assertEquals(data[99] & 0xff, f.byteAt(s, rw + PAGE - 1));
        assertEquals(data[100] & 0xff, f.byteAt(s, rw + PAGE));
    }

    @Test
    void writeAndReadSpanningThreePages() {
        byte[] data = pattern((int) (2 * PAGE + 10));
        assertTrue(u.write(rw + 5, data, 0, data.length));
        byte[] back = new byte[data.length];
        assertTrue(u.read(rw + 5, back, 0, back.length));
        assertArrayEquals(data, back);
    }

    @Test
    void bufferOffsetsAreHonoured() {
        byte[] data = pattern(20);
        assertTrue(u.write(rw, data, 5, 10));
        byte[] back = new byte[30];
        assertTrue(u.read(rw, back, 7, 10));
        for (int i = 0; i < 10; i++) {
            assertEquals(data[5 + i], back[7 + i]);
        }
        assertEquals(0, back[6]);
        assertEquals(0, back[17]);
    }

    @Test
    void writeIsAllOrNothingWhenPartOfTheRangeIsReadOnly() {
        byte[] old = pattern(16);
        long va = ro - 8;
        assertTrue(u.write(va, old, 0, 8));
        byte[] fresh = new byte[16];
        java.util.Arrays.fill(fresh, (byte) 0x77);
        assertFalse(u.write(va, fresh, 0, 16));
        byte[] back = new byte[8];
        assertTrue(u.read(va, back, 0, 8));
        assertArrayEquals(java.util.Arrays.copyOf(old, 8), back, "nothing written before the read-only page");
    }

    @Test
    void writeIsAllOrNothingWhenTheRangeRunsIntoUnmappedMemory() {
        long top = ro + PAGE; // nothing mapped here
        s.unmap(ro, PAGE);
        byte[] fresh = new byte[32];
        java.util.Arrays.fill(fresh, (byte) 1);
        assertFalse(u.write(ro - 16, fresh, 0, 32));
        byte[] back = new byte[16];
        assertTrue(u.read(ro - 16, back, 0, 16));
        assertArrayEquals(new byte[16], back);
        assertFalse(u.write(top, fresh, 0, 1));
    }

    @Test
    void readOfReadOnlyPageWorksWriteDoesNot() {
        byte[] b = new byte[4];
        assertTrue(u.read(ro, b, 0, 4));
        assertFalse(u.write(ro, b, 0, 4));
    }

    @Test
    void readFaultsInDemandZeroPages() {
        long used = f.frames.used();
        byte[] b = pattern(10);
        assertTrue(u.read(rw + 2 * PAGE, b, 0, 10));
        assertArrayEquals(new byte[10], b);
        assertTrue(f.frames.used() > used);
    }

    @Test
    void badPointersFail() {
        byte[] b = new byte[4];
        assertFalse(u.read(0, b, 0, 4));
        assertFalse(u.read(-8, b, 0, 4));
        assertFalse(u.read(PagedAddressSpace.STACK_TOP, b, 0, 4));
        assertFalse(u.write(0x1000, b, 0, 4));
    }

    @Test
    void badPointersAnswerBadAddressAndGoodOnesDone() {
        UserAccess copy = new UserAccess(f.mem, s);
        byte[] b = {1, 2, 3, 4};
        assertEquals(UserCopy.BAD_ADDRESS, copy.copyIn(0, b, 0, 4));
        assertEquals(UserCopy.BAD_ADDRESS, copy.copyIn(PagedAddressSpace.STACK_TOP - 2, b, 0, 4), "past the top");
        assertEquals(UserCopy.BAD_ADDRESS, copy.copyOut(ro, b, 0, 4), "read-only");
        assertEquals(UserCopy.DONE, copy.copyOut(rw, b, 0, 4));
        byte[] back = new byte[4];
        assertEquals(UserCopy.DONE, copy.copyIn(rw, back, 0, 4));
        assertArrayEquals(b, back);
    }

    @Test
    void zeroLengthAlwaysSucceeds() {
        assertTrue(u.read(0, new byte[0], 0, 0));
        assertTrue(u.write(0, new byte[0], 0, 0));
    }

    @Test
    void badBufferRangesThrow() {
        byte[] b = new byte[4];
        assertThrows(IllegalArgumentException.class, () -> u.read(rw, b, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> u.read(rw, b, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> u.write(rw, b, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> u.write(rw, b, 0, 5));
    }

    private void putString(long va, String s) {
        byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_8);
        assertTrue(u.write(va, b, 0, b.length));
    }

    @Test
    void readStringAcrossAPageBoundary() {
        putString(rw + PAGE - 3, "hello");
        assertEquals("hello", u.readString(rw + PAGE - 3, 100));
    }

    @Test
    void readStringMaxCountsBytesBeforeTheNul() {
        putString(rw, "hello");
        assertNull(u.readString(rw, 5), "no NUL within the first 5 bytes");
        assertEquals("hello", u.readString(rw, 6));
        assertEquals("", u.readString(rw + 5, 1));
        assertNull(u.readString(rw, 0));
    }

    @Test
    void readStringDecodesUtf8() {
        putString(rw, "h\u00e9llo \u2713");
        assertEquals("h\u00e9llo \u2713", u.readString(rw, 64));
    }

    @Test
    void readStringRunningIntoAFaultReturnsNull() {
        s.unmap(ro, PAGE);
        byte[] noNul = new byte[8];
        java.util.Arrays.fill(noNul, (byte) 'a');
        assertTrue(u.write(ro - 8, noNul, 0, 8));
        assertNull(u.readString(ro - 8, 100));
        assertNull(u.readString(0, 100));
    }

    @Test
    void writeLongIsLittleEndian() {
        assertTrue(u.writeLong(rw + PAGE - 4, 0x0102030405060708L));
        byte[] b = new byte[8];
        assertTrue(u.read(rw + PAGE - 4, b, 0, 8));
        assertArrayEquals(new byte[] {8, 7, 6, 5, 4, 3, 2, 1}, b);
        long[] out = new long[1];
        assertTrue(u.readLong(rw + PAGE - 4, out));
        assertEquals(0x0102030405060708L, out[0]);
    }

    @Test
    void readLongOfNegativeValue() {
        assertTrue(u.writeLong(rw, -2L));
        long[] out = new long[1];
        assertTrue(u.readLong(rw, out));
        assertEquals(-2L, out[0]);
    }

    @Test
    void writeIntIsLittleEndianAndTouchesFourBytes() {
        assertTrue(u.writeLong(rw, -1L));
        assertTrue(u.writeInt(rw, 0xaabbccdd));
        byte[] b = new byte[8];
        assertTrue(u.read(rw, b, 0, 8));
        assertArrayEquals(new byte[] {(byte) 0xdd, (byte) 0xcc, (byte) 0xbb, (byte) 0xaa, -1, -1, -1, -1}, b);
    }

    @Test
    void readLongAndWriteLongFailOnBadPointers() {
        long[] out = {99};
        assertFalse(u.readLong(0, out));
        assertEquals(99, out[0], "untouched on failure");
        assertFalse(u.writeLong(ro, 1));
        assertFalse(u.writeInt(ro + PAGE - 2, 1));
    }
}
