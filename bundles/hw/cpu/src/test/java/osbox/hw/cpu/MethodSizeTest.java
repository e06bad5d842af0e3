package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the interpreter against HotSpot's compile limit: a method of more
 * than 8,000 bytes of bytecode (-XX:HugeMethodLimit) is never JIT-compiled,
 * and the interpreter loop would then run in HotSpot's own interpreter, tens
 * of times slower. Every method of this bundle's compiled classes
 * (target/classes) must stay below {@link #LIMIT}, which leaves room for
 * the F and D extensions: their instructions go to {@code RiscvHart.rare}
 * or a class of their own, not into the main switch.
 */
class MethodSizeTest {
    /** HotSpot's default -XX:HugeMethodLimit. */
    static final int HUGE_METHOD_LIMIT = 8000;
    /** The most bytecode any method here may have: the limit less a margin. */
    static final int LIMIT = 7000;

    @Test
    void everyMethodStaysWellBelowHotSpotsCompileLimit() throws Exception {
        Map<String, Integer> sizes = methodSizes();
        assertTrue(sizes.containsKey("RiscvHart.execute(Losbox/api/hw/HartContext;J)I"),
                "the interpreter loop is among the methods read: " + sizes.keySet());
        List<String> tooBig = new ArrayList<>();
        sizes.forEach((method, size) -> {
            if (size >= LIMIT) {
                tooBig.add(method + ": " + size + " bytes");
            }
        });
        assertEquals(List.of(), tooBig, "methods at or over " + LIMIT + " bytes of bytecode (HotSpot compiles none over "
                + HUGE_METHOD_LIMIT + "): move rare instructions out of the main dispatch, into RiscvHart.rare "
                + "or a class of their own");
    }

    @Test
    void theReaderMeasuresBytecodeAsTheJvmDoes() throws Exception {
        Map<String, Integer> sizes = methodSizes();
        // lload_0, l2i, bipush 127, iand, ireturn: 1 + 1 + 2 + 1 + 1 bytes
        assertEquals(6, sizes.get("Slot.op(J)I"));
        int largest = sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertTrue(largest > 1000, "the dispatch loop is over a thousand bytes, not " + largest);
    }

    // "Class.name(descriptor)" -> bytecode length for every method of every
    // class of osbox.hw.cpu in the compiled classes, in name order.
    private static Map<String, Integer> methodSizes() throws IOException, URISyntaxException {
        Path classes = Path.of(RiscvHart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.resolve("osbox/hw/cpu");
        assertTrue(Files.isDirectory(dir), "compiled classes in a directory, not " + classes);
        Map<String, Integer> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = file.getFileName().toString().replace(".class", "");
                CodeLengths.of(Files.readAllBytes(file)).forEach((method, size) -> sizes.put(className + "." + method, size));
            }
        }
        return sizes;
    }
}
