package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The launcher's lines on a raw host terminal: a carriage return before each newline that lacks one. */
class CarriageReturnsTest {
    @Test
    void newlinesGetACarriageReturnOnceEvenAcrossWrites() throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        OutputStream out = new CarriageReturns(screen);
        out.write("pid 1\nexited\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write('\r');
        out.write('\n');
        out.write("\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("pid 1\r\nexited\r\n\r\n\r\n", screen.toString(StandardCharsets.US_ASCII));
    }
}
