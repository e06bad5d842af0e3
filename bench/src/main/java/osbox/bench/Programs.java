package osbox.bench;

import java.io.IOException;
import java.io.InputStream;

/** The benchmark's own RV64 programs, committed as ELF beside their C source in resources. */
final class Programs {
    private Programs() {
    }

    static byte[] load(String name) throws IOException {
        try (InputStream in = Programs.class.getResourceAsStream(name + ".elf")) {
            if (in == null) {
                throw new IOException("benchmark program missing: " + name + ".elf");
            }
            return in.readAllBytes();
        }
    }
}
