package osbox.ipc.posixmq;

/** One message in a queue: its priority (0..32767) and its bytes. Immutable (the array is never changed). */
record Message(int priority, byte[] data) {
}
