package osbox.ipc.unix;

import java.util.List;
import osbox.api.kernel.FileHandle;

/**
 * One send's bytes waiting in a socket's receive queue (Linux's skb), with
 * the descriptions passed along by SCM_RIGHTS (each a held reference, closed
 * when delivered or dropped). A stream reader may take part of it: taken
 * counts the bytes gone.
 */
final class Message {
    final byte[] data;
    final List<FileHandle> rights;
    int taken;

    Message(byte[] data, List<FileHandle> rights) {
        this.data = data;
        this.rights = rights;
    }

    /** Bytes not yet read. */
    int remaining() {
        return data.length - taken;
    }

    /** Closes every description still held (the message is dropped undelivered). */
    void dropRights() {
        for (FileHandle h : rights) {
            h.close();
        }
        rights.clear();
    }
}
