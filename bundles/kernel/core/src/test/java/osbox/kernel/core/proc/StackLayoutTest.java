package osbox.kernel.core.proc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parses the built stack back as a C runtime's _start would. */
class StackLayoutTest {
    private static final long TOP = 0x40_0000_0000L;
    private static final byte[] RANDOM = new byte[16];

    static {
        for (int i = 0; i < 16; i++) {
            RANDOM[i] = (byte) (0xa0 + i);
        }
    }

    /** The stack as a C runtime sees it. */
    private record Parsed(long argc, List<Long> argvPtrs, List<String> argv, List<Long> envpPtrs,
            List<String> envp, Map<Long, Long> auxv, List<Long> auxvTypes, long vectorsEnd) {
    }

    private static final class View {
        final StackLayout.Built b;

        View(StackLayout.Built b) {
            this.b = b;
        }

        int index(long addr) {
            long i = addr - b.base();
            if (i < 0 || i >= b.bytes().length) {
                throw new AssertionError("address 0x" + Long.toHexString(addr) + " outside the built stack");
            }
            return (int) i;
        }

        long word(long addr) {
            int i = index(addr);
            index(addr + 7);
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v |= (b.bytes()[i + k] & 0xffL) << (8 * k);
            }
            return v;
        }

        String string(long addr) {
            int i = index(addr);
            int end = i;
            while (b.bytes()[end] != 0) {
                end++;
                index(b.base() + end);
            }
            return new String(b.bytes(), i, end - i, StandardCharsets.UTF_8);
        }

        byte[] bytes(long addr, int n) {
            int i = index(addr);
            index(addr + n - 1);
            return Arrays.copyOfRange(b.bytes(), i, i + n);
        }

        Parsed parse() {
            long sp = b.sp();
            long argc = word(sp);
            long p = sp + 8;
            List<Long> argvPtrs = new ArrayList<>();
            List<String> argv = new ArrayList<>();
            for (long i = 0; i < argc; i++, p += 8) {
                argvPtrs.add(word(p));
                argv.add(string(word(p)));
            }
            assertEquals(0, word(p), "argv[argc] is NULL");
            p += 8;
            List<Long> envpPtrs = new ArrayList<>();
            List<String> envp = new ArrayList<>();
            for (; word(p) != 0; p += 8) {
                envpPtrs.add(word(p));
                envp.add(string(word(p)));
            }
            p += 8;
            Map<Long, Long> auxv = new LinkedHashMap<>();
            List<Long> types = new ArrayList<>();
            while (true) {
                long type = word(p);
                long value = word(p + 8);
                p += 16;
                types.add(type);
                if (type == StackLayout.AT_NULL) {
                    break;
                }
                auxv.put(type, value);
            }
            return new Parsed(argc, argvPtrs, argv, envpPtrs, envp, auxv, types, p);
        }
    }

    private static StackLayout.Built build(List<String> argv, List<String> envp, String execfn, long[] auxv,
            int limit) {
        return StackLayout.build(TOP, argv, envp, execfn, auxv, RANDOM, limit);
    }

    private static final List<String> ARGV = List.of("prog", "-x", "arg with spaces", "");
    private static final List<String> ENVP = List.of("HOME=/root", "A=b", "LANG=C.UTF-8");
    private static final long[] AUXV = {StackLayout.AT_PAGESZ, 4096, StackLayout.AT_ENTRY, 0x10078,
        StackLayout.AT_PHNUM, 7};

    private final StackLayout.Built built = build(ARGV, ENVP, "/bin/prog", AUXV, 4096);
    private final View view = new View(built);
    private final Parsed parsed = view.parse();

    @Test
    void argcAndArgvAsTheRuntimeReadsThem() {
        assertEquals(4, parsed.argc());
        assertEquals(ARGV, parsed.argv());
    }

    @Test
    void envpAsTheRuntimeReadsIt() {
        assertEquals(ENVP, parsed.envp());
    }

    @Test
    void auxvHasTheEntriesPassedInThenRandomAndExecfnThenNull() {
        assertEquals(List.of((long) StackLayout.AT_PAGESZ, (long) StackLayout.AT_ENTRY, (long) StackLayout.AT_PHNUM,
                (long) StackLayout.AT_RANDOM, (long) StackLayout.AT_EXECFN, (long) StackLayout.AT_NULL),
                parsed.auxvTypes());
        assertEquals(4096L, parsed.auxv().get((long) StackLayout.AT_PAGESZ));
        assertEquals(0x10078L, parsed.auxv().get((long) StackLayout.AT_ENTRY));
        assertEquals(7L, parsed.auxv().get((long) StackLayout.AT_PHNUM));
    }

    @Test
    void atRandomPointsAtTheSixteenRandomBytes() {
        long at = parsed.auxv().get((long) StackLayout.AT_RANDOM);
        assertArrayEquals(RANDOM, view.bytes(at, 16));
    }

    @Test
    void atExecfnPointsAtTheExecfnString() {
        assertEquals("/bin/prog", view.string(parsed.auxv().get((long) StackLayout.AT_EXECFN)));
    }

    @Test
    void spIsSixteenByteAlignedAndTheImageEndsAtTop() {
        assertEquals(0, built.sp() % 16);
        assertEquals(built.base(), built.sp());
        assertEquals(TOP, built.base() + built.bytes().length);
    }

    @Test
    void stringsLieAboveTheVectorsAndTheRandomBytes() {
        long random = parsed.auxv().get((long) StackLayout.AT_RANDOM);
        assertTrue(random >= parsed.vectorsEnd(), "random bytes above the auxv");
        List<Long> all = new ArrayList<>(parsed.argvPtrs());
        all.addAll(parsed.envpPtrs());
        for (long ptr : all) {
            assertTrue(ptr >= random + 16, "string at 0x" + Long.toHexString(ptr) + " above the random bytes");
        }
    }

    /** Linux's create_elf_tables (via copy_strings): execfn highest, then envp, then argv, each in order. */
    @Test
    void stringOrderMatchesLinux() {
        long execfn = parsed.auxv().get((long) StackLayout.AT_EXECFN);
        assertEquals(TOP - "/bin/prog".length() - 1, execfn, "execfn ends right at the top");
        List<Long> order = new ArrayList<>(parsed.argvPtrs());
        order.addAll(parsed.envpPtrs());
        order.add(execfn);
        List<Long> sorted = new ArrayList<>(order);
        Collections.sort(sorted);
        assertEquals(sorted, order, "argv[0] < ... < argv[n-1] < envp[0] < ... < envp[m-1] < execfn");
        List<String> strings = new ArrayList<>(ARGV);
        strings.addAll(ENVP);
        for (int i = 0; i + 1 < order.size(); i++) {
            assertEquals(order.get(i) + strings.get(i).getBytes(StandardCharsets.UTF_8).length + 1, order.get(i + 1),
                    "strings are packed, each NUL-terminated: " + i);
        }
    }

    @Test
    void emptyArgvAndEnvp() {
        StackLayout.Built b = build(List.of(), List.of(), "x", new long[0], 512);
        Parsed p = new View(b).parse();
        assertEquals(0, p.argc());
        assertTrue(p.envp().isEmpty());
        assertEquals(List.of((long) StackLayout.AT_RANDOM, (long) StackLayout.AT_EXECFN, (long) StackLayout.AT_NULL),
                p.auxvTypes());
        assertEquals(0, b.sp() % 16);
    }

    @Test
    void utf8StringsRoundTrip() {
        StackLayout.Built b = build(List.of("\u00e9t\u00e9", "\u2713"), List.of("K=\u00fc"), "/\u00e9", new long[0], 512);
        Parsed p = new View(b).parse();
        assertEquals(List.of("\u00e9t\u00e9", "\u2713"), p.argv());
        assertEquals(List.of("K=\u00fc"), p.envp());
    }

    @Test
    void stringsLongerThanTheLimitAreE2big() {
        String big = "x".repeat(5000);
        assertThrows(IllegalArgumentException.class, () -> build(List.of(big), List.of(), "p", new long[0], 4096));
        assertThrows(IllegalArgumentException.class, () -> build(List.of(), List.of(big), "p", new long[0], 4096));
        assertThrows(IllegalArgumentException.class, () -> build(List.of(), List.of(), big, new long[0], 4096));
    }

    @Test
    void vectorsThatDoNotFitAreE2big() {
        // 500 empty strings fit (500 bytes), but 500 pointers do not (4000+ bytes)
        List<String> many = Collections.nCopies(500, "");
        assertThrows(IllegalArgumentException.class, () -> build(many, List.of(), "p", new long[0], 4096));
        StackLayout.Built ok = build(many, List.of(), "p", new long[0], 8192);
        assertEquals(500, new View(ok).parse().argc());
    }

    @Test
    void justEnoughRoomSucceedsOneByteLessFails() {
        List<String> argv = List.of("abc", "de");
        List<String> envp = List.of("X=1");
        int need = -1;
        for (int limit = 16; limit <= 1024; limit++) {
            try {
                build(argv, envp, "/p", AUXV, limit);
                need = limit;
                break;
            } catch (IllegalArgumentException e) {
                // too small
            }
        }
        assertTrue(need > 0);
        StackLayout.Built b = build(argv, envp, "/p", AUXV, need);
        assertEquals(need, b.bytes().length, "the smallest limit is used entirely");
        assertEquals(argv, new View(b).parse().argv());
    }

    @Test
    void spIsAlignedWhateverTheLimit() {
        for (int limit : new int[] {4100, 4104, 4097}) {
            StackLayout.Built b = build(ARGV, ENVP, "/bin/prog", AUXV, limit);
            assertEquals(0, b.sp() % 16, "limit " + limit);
        }
        StackLayout.Built b = StackLayout.build(TOP - 8, ARGV, ENVP, "/bin/prog", AUXV, RANDOM, 4096);
        assertEquals(0, b.sp() % 16, "top not aligned");
    }
}
