package osbox.kernel.core.proc;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the initial user stack exactly as Linux's create_elf_tables lays it
 * out, from the top down:
 * <pre>
 *   execfn string, envp strings, argv strings     (highest addresses)
 *   16 random bytes for AT_RANDOM
 *   padding to 16 bytes
 *   auxv pairs ... AT_NULL
 *   NULL, envp[envc-1] ... envp[0]
 *   NULL, argv[argc-1] ... argv[0]
 *   argc                                          &lt;- sp, 16-byte aligned
 * </pre>
 */
public final class StackLayout {
    public static final int AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7,
            AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14, AT_HWCAP = 16,
            AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25, AT_EXECFN = 31;

    /** AT_HWCAP for rv64imafdc, as Linux reports it: one bit per single-letter extension ('a' is bit 0). */
    public static final long HWCAP_RV64IMAFDC = bit('i') | bit('m') | bit('a') | bit('f') | bit('d') | bit('c');

    /** The built stack: its bytes, where they go, and the initial sp. */
    public record Built(long base, byte[] bytes, long sp) {
    }

    private StackLayout() {
    }

    private static long bit(char c) {
        return 1L << (c - 'a');
    }

    /**
     * Lays out a stack ending at {@code top}. {@code auxv} holds (type, value)
     * pairs without AT_RANDOM, AT_EXECFN and AT_NULL, which are added here.
     * Throws IllegalArgumentException (E2BIG) when it would exceed {@code limit} bytes.
     */
    public static Built build(long top, List<String> argv, List<String> envp, String execfn, long[] auxv,
            byte[] random16, int limit) {
        byte[] image = new byte[limit];
        int p = limit; // offset in image; address = top - limit + p
        long base = top - limit;

        p = putString(image, p, execfn, limit);
        long execfnAddr = base + p;
        long[] envAddrs = new long[envp.size()];
        for (int i = envp.size() - 1; i >= 0; i--) {
            p = putString(image, p, envp.get(i), limit);
            envAddrs[i] = base + p;
        }
        long[] argAddrs = new long[argv.size()];
        for (int i = argv.size() - 1; i >= 0; i--) {
            p = putString(image, p, argv.get(i), limit);
            argAddrs[i] = base + p;
        }
        p -= 16;
        checkRoom(p);
        System.arraycopy(random16, 0, image, p, 16);
        long randomAddr = base + p;
        p = align16(base, p);

        int words = 1 + argv.size() + 1 + envp.size() + 1 + auxv.length + 4 + 2;
        p -= 8 * words;
        p = align16(base, p);
        checkRoom(p);
        int w = p;
        w = putLong(image, w, argv.size());
        for (long a : argAddrs) {
            w = putLong(image, w, a);
        }
        w = putLong(image, w, 0);
        for (long a : envAddrs) {
            w = putLong(image, w, a);
        }
        w = putLong(image, w, 0);
        for (long v : auxv) {
            w = putLong(image, w, v);
        }
        w = putLong(image, w, AT_RANDOM);
        w = putLong(image, w, randomAddr);
        w = putLong(image, w, AT_EXECFN);
        w = putLong(image, w, execfnAddr);
        w = putLong(image, w, AT_NULL);
        putLong(image, w, 0);

        byte[] used = java.util.Arrays.copyOfRange(image, p, limit);
        return new Built(base + p, used, base + p);
    }

    // The offset at or below p whose address (base + offset) is 16-byte aligned.
    private static int align16(long base, int p) {
        return (int) (((base + p) & ~15L) - base);
    }

    private static int putString(byte[] image, int p, String s, int limit) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p -= b.length + 1;
        checkRoom(p);
        System.arraycopy(b, 0, image, p, b.length);
        image[p + b.length] = 0;
        return p;
    }

    private static void checkRoom(int p) {
        if (p < 0) {
            throw new IllegalArgumentException("argument list too long");
        }
    }

    private static int putLong(byte[] image, int w, long v) {
        for (int i = 0; i < 8; i++) {
            image[w + i] = (byte) (v >>> (8 * i));
        }
        return w + 8;
    }
}
