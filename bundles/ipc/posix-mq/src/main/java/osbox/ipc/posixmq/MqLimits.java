package osbox.ipc.posixmq;

/**
 * The limits of the queue namespace, as Linux's /proc/sys/fs/mqueue
 * files and RLIMIT_MSGQUEUE name them. An unprivileged process (euid not
 * 0) may create at most {@code queuesMax} queues, each with at most
 * {@code msgMax} messages of at most {@code msgsizeMax} bytes; root is held
 * only to the hard limits. Every user's queues together may take at most
 * {@code rlimitBytes} (each queue counted as Linux counts it: its message
 * space plus its bookkeeping).
 */
record MqLimits(int queuesMax, int msgMax, int msgsizeMax, int msgDefault, int msgsizeDefault, long rlimitBytes) {
    /** Linux's hard limits (HARD_MSGMAX, HARD_MSGSIZEMAX, HARD_QUEUESMAX), what root may use. */
    static final int HARD_MSGMAX = 65536, HARD_MSGSIZEMAX = 16 * 1024 * 1024, HARD_QUEUESMAX = 1024;
    /** Smallest msgsize_max Linux accepts (MIN_MSGSIZEMAX). */
    static final int MIN_MSGSIZEMAX = 128;
    /** Linux's defaults: queues_max, msg_max, msgsize_max, msg_default, msgsize_default, RLIMIT_MSGQUEUE. */
    static final MqLimits LINUX = new MqLimits(256, 10, 8192, 10, 8192, 819_200);

    /** Why these limits cannot be used (the valid range), or null when they can. */
    String invalid() {
        if (queuesMax < 0 || queuesMax > HARD_QUEUESMAX) {
            return "queues_max " + queuesMax + " is out of range 0.." + HARD_QUEUESMAX;
        }
        if (msgMax < 1 || msgMax > HARD_MSGMAX) {
            return "msg_max " + msgMax + " is out of range 1.." + HARD_MSGMAX;
        }
        if (msgsizeMax < MIN_MSGSIZEMAX || msgsizeMax > HARD_MSGSIZEMAX) {
            return "msgsize_max " + msgsizeMax + " is out of range " + MIN_MSGSIZEMAX + ".." + HARD_MSGSIZEMAX;
        }
        if (msgDefault < 1 || msgDefault > msgMax) {
            return "msg_default " + msgDefault + " is out of range 1..msg_max (" + msgMax + ")";
        }
        if (msgsizeDefault < 1 || msgsizeDefault > msgsizeMax) {
            return "msgsize_default " + msgsizeDefault + " is out of range 1..msgsize_max (" + msgsizeMax + ")";
        }
        if (rlimitBytes < 0) {
            return "rlimit_msgqueue " + rlimitBytes + " is negative";
        }
        return null;
    }

    /**
     * What a queue of maxmsg messages of msgsize bytes costs against
     * RLIMIT_MSGQUEUE, as Linux's mqueue_get_inode counts it: the message
     * space, one struct msg_msg (48 bytes) per message and one priority
     * tree node (48 bytes) per possible priority in use.
     */
    static long cost(long maxmsg, long msgsize) {
        return maxmsg * msgsize + maxmsg * 48 + Math.min(maxmsg, MqConstants.MQ_PRIO_MAX) * 48;
    }
}
