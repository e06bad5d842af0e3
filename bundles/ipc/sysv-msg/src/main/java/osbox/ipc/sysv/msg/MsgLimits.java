package osbox.ipc.sysv.msg;

/**
 * The message queue limits of /proc/sys/kernel: msgmax (the largest
 * message), msgmnb (a new queue's byte capacity, and the most IPC_SET may
 * give without privilege), msgmni (the most queues). Linux's defaults.
 */
record MsgLimits(int msgmax, int msgmnb, int msgmni) {
    static final MsgLimits LINUX = new MsgLimits(8192, 16384, 32000);

    /** Checks each limit is positive and msgmni at most 32768 (IPCMNI). */
    MsgLimits {
        if (msgmax <= 0 || msgmnb <= 0 || msgmni <= 0 || msgmni > 32768) {
            throw new IllegalArgumentException("message queue limits must be positive, msgmni at most 32768: msgmax "
                    + msgmax + ", msgmnb " + msgmnb + ", msgmni " + msgmni);
        }
    }
}
