package osbox.hw.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The raw host terminal's way out: ^A x quits, ^A ^A is one ^A, anything else passes. */
class HostEscapeTest {
    private final AtomicInteger quits = new AtomicInteger();

    // Everything the filter lets through, read with buffers of `size` bytes.
    private String through(String typed, int size) throws IOException {
        InputStream in = new HostEscape(new ByteArrayInputStream(typed.getBytes(StandardCharsets.ISO_8859_1)),
                quits::incrementAndGet);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[size];
        int n;
        while ((n = in.read(buf, 0, size)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void ordinaryInputAndControlCharactersPass() throws IOException {
        assertEquals("ls\r\u0003\u0004", through("ls\r\u0003\u0004", 64));
        assertEquals(0, quits.get());
    }

    @Test
    void escapeXQuitsAndEndsTheInput() throws IOException {
        assertEquals("ab", through("ab\u0001xcd", 64));
        assertEquals(1, quits.get());
    }

    @Test
    void escapeEscapeIsOneEscapeAndEscapeOtherPassesBoth() throws IOException {
        for (int size : new int[] {1, 2, 3, 64}) {
            assertEquals("\u0001a\u0001b", through("\u0001\u0001a\u0001b", size), "buffer of " + size);
        }
        assertEquals(0, quits.get());
    }

    @Test
    void anEscapeSplitAcrossReadsStillQuits() throws IOException {
        assertEquals("z", through("z\u0001x", 1));
        assertEquals(1, quits.get());
    }
}
