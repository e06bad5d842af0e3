package osbox.api.io;

/** What a block request asks of the device. */
public enum IoOperation {
    /** Read count sectors from sector. */
    READ,
    /** Write count sectors at sector. */
    WRITE,
    /** Flush the device's write cache (a barrier; its sector and count mean nothing). */
    FLUSH
}
