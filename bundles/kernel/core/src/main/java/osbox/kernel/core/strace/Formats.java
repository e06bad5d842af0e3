package osbox.kernel.core.strace;

import osbox.api.kernel.UserMemory;

/**
 * strace's ways of printing values: pointers in hex ({@code NULL} for 0),
 * C strings and buffers quoted and escaped as C would write them,
 * truncated at {@link #MAX_STRING} bytes with {@code ...} after the quote,
 * non-printable bytes in octal ({@code \33}, three digits when an octal
 * digit follows) or, for binary data, in hex ({@code \x8b}). A pointer the
 * process cannot read is printed as the pointer (strace does the same).
 */
public final class Formats {
    /** strace's default -s: bytes of a string or buffer shown before "...". */
    public static final int MAX_STRING = 32;
    /** The longest path printed whole (PATH_MAX), as strace prints paths. */
    public static final int MAX_PATH = 4096;

    private Formats() {
    }

    /** An address: {@code NULL} for 0, else {@code 0x...}. */
    public static String pointer(long address) {
        return address == 0 ? "NULL" : "0x" + Long.toHexString(address);
    }

    /** A value in hex with the 0x prefix; 0 is plain {@code 0}, as C's %#lx. */
    public static String hex(long value) {
        return value == 0 ? "0" : "0x" + Long.toHexString(value);
    }

    /** A value in octal with C's leading 0 ({@code 0644}; {@code 000} for 0, as strace's %#03o). */
    public static String octal(long value) {
        String digits = Long.toOctalString(value);
        return "0" + (digits.length() < 2 ? "0".repeat(2 - digits.length()) + digits : digits);
    }

    /**
     * The NUL-terminated string at {@code address} in {@code memory},
     * quoted, at most {@code max} bytes (then {@code ...}); NULL for 0; the
     * pointer when unreadable.
     */
    public static String string(UserMemory memory, long address, int max) {
        if (address == 0) {
            return "NULL";
        }
        byte[] bytes = new byte[max + 1];
        int n = 0;
        byte[] one = new byte[1];
        while (n <= max) {
            if (!memory.read(address + n, one, 0, 1)) {
                return n == 0 ? pointer(address) : quote(bytes, n, false) + "...";
            }
            if (one[0] == 0) {
                return quote(bytes, n, false);
            }
            bytes[n++] = one[0];
        }
        return quote(bytes, max, false) + "...";
    }

    /**
     * {@code length} bytes at {@code address} (a read or write buffer),
     * quoted, the first {@link #MAX_STRING} of them then {@code ...};
     * {@code hexOnly} prints every byte as {@code \xNN} (getrandom's random
     * bytes). The pointer when unreadable or the length is negative.
     */
    public static String buffer(UserMemory memory, long address, long length, boolean hexOnly) {
        if (length < 0) {
            return pointer(address);
        }
        int shown = (int) Math.min(length, MAX_STRING);
        byte[] bytes = new byte[shown];
        if (shown > 0 && !memory.read(address, bytes, 0, shown)) {
            return pointer(address);
        }
        return quote(bytes, shown, hexOnly) + (length > MAX_STRING ? "..." : "");
    }

    /** The first {@code length} of {@code bytes} between double quotes, escaped as strace escapes them. */
    public static String quote(byte[] bytes, int length, boolean hexOnly) {
        StringBuilder out = new StringBuilder(length + 2).append('"');
        for (int i = 0; i < length; i++) {
            int c = bytes[i] & 0xff;
            if (hexOnly) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case 0x0b -> out.append("\\v");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append((char) c);
                    } else {
                        boolean octalDigitFollows = i + 1 < length && bytes[i + 1] >= '0' && bytes[i + 1] <= '7';
                        String digits = Integer.toOctalString(c);
                        out.append('\\').append(octalDigitFollows ? "0".repeat(3 - digits.length()) : "")
                                .append(digits);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A little-endian 64-bit word at {@code address}, or null when unreadable. */
    static Long word(UserMemory memory, long address) {
        long[] v = new long[1];
        return memory.readLong(address, v) ? v[0] : null;
    }

    /** {@code size} little-endian bytes at {@code offset} of {@code bytes}, sign-extended when {@code signed}. */
    static long field(byte[] bytes, int offset, int size, boolean signed) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            v |= (bytes[offset + i] & 0xffL) << (8 * i);
        }
        int unused = 64 - 8 * size;
        return signed && unused > 0 ? (v << unused) >> unused : v;
    }
}
