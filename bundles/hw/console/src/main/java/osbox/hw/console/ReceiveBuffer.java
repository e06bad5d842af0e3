package osbox.hw.console;

/**
 * A growable byte ring: bytes appended at the tail are taken from the head in
 * order. Not thread-safe; its owner serializes access.
 */
final class ReceiveBuffer {
    private byte[] ring = new byte[4096];
    private int head;
    private int size;

    int size() {
        return size;
    }

    // Appends len bytes of src from off, growing the ring as needed.
    void append(byte[] src, int off, int len) {
        if (size + len > ring.length) {
            grow(size + len);
        }
        int tail = (head + size) % ring.length;
        int first = Math.min(len, ring.length - tail);
        System.arraycopy(src, off, ring, tail, first);
        System.arraycopy(src, off + first, ring, 0, len - first);
        size += len;
    }

    // Moves up to len bytes from the head into dst at off; returns how many.
    int take(byte[] dst, int off, int len) {
        int n = Math.min(len, size);
        int first = Math.min(n, ring.length - head);
        System.arraycopy(ring, head, dst, off, first);
        System.arraycopy(ring, 0, dst, off + first, n - first);
        head = (head + n) % ring.length;
        size -= n;
        return n;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    // Reallocates the ring to hold at least need bytes, unwrapping it.
    private void grow(int need) {
        int capacity = ring.length;
        while (capacity < need) {
            if (capacity > Integer.MAX_VALUE / 2) {
                throw new IllegalStateException("console receive buffer cannot grow past " + capacity + " bytes");
            }
            capacity *= 2;
        }
        byte[] bigger = new byte[capacity];
        int n = size;
        take(bigger, 0, n);
        ring = bigger;
        head = 0;
        size = n;
    }
}
