package osbox.hw.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReceiveBufferTest {
    @Test
    void bytesComeOutInOrderAcrossWrapAndGrowth() {
        ReceiveBuffer rx = new ReceiveBuffer();
        byte[] in = new byte[10_000];
        for (int i = 0; i < in.length; i++) {
            in[i] = (byte) (i * 7);
        }
        rx.append(in, 0, 3000);
        byte[] out = new byte[10_000];
        assertEquals(2000, rx.take(out, 0, 2000));
        rx.append(in, 3000, 3000);      // wraps inside the 4 KiB ring
        rx.append(in, 6000, 4000);      // grows while wrapped
        assertEquals(8000, rx.size());
        assertEquals(8000, rx.take(out, 2000, 9000));
        assertArrayEquals(in, out);
        assertEquals(0, rx.size());
        assertEquals(0, rx.take(out, 0, 10));
    }

    @Test
    void clearEmptiesIt() {
        ReceiveBuffer rx = new ReceiveBuffer();
        rx.append(new byte[] {1, 2, 3}, 0, 3);
        rx.clear();
        assertEquals(0, rx.size());
    }
}
