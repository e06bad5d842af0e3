package osbox.hw.cpu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian views of byte arrays (frames), for loads, stores and fetch. */
final class Le {
    private Le() {
    }

    static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle U32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle U64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Reads {@code size} (1, 2, 4 or 8) bytes at {@code off}, zero-extended. */
    static long get(byte[] a, int off, int size) {
        switch (size) {
            case 1: return a[off] & 0xffL;
            case 2: return (short) U16.get(a, off) & 0xffffL;
            case 4: return (int) U32.get(a, off) & 0xffffffffL;
            default: return (long) U64.get(a, off);
        }
    }

    /** Writes the low {@code size} (1, 2, 4 or 8) bytes of {@code v} at {@code off}. */
    static void set(byte[] a, int off, int size, long v) {
        switch (size) {
            case 1: a[off] = (byte) v; break;
            case 2: U16.set(a, off, (short) v); break;
            case 4: U32.set(a, off, (int) v); break;
            default: U64.set(a, off, v);
        }
    }
}
