package osbox.ipc.sysv.msg;

/** One message on a queue: its type (&gt; 0) and its text. */
record Message(long type, byte[] text) {
}
