package osbox.ipc.posixmq;

/** The Linux riscv64 numbers the message-queue calls use. */
final class MqConstants {
    /** System call numbers (asm-generic/unistd.h). */
    static final int MQ_OPEN = 180, MQ_UNLINK = 181, MQ_TIMEDSEND = 182, MQ_TIMEDRECEIVE = 183, MQ_NOTIFY = 184,
            MQ_GETSETATTR = 185;
    /** open flags (asm-generic/fcntl.h). */
    static final int O_ACCMODE = 3, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200, O_NONBLOCK = 04000,
            O_CLOEXEC = 02000000;
    /** Priorities are 0..MQ_PRIO_MAX-1. */
    static final int MQ_PRIO_MAX = 32768;
    /** Longest queue name (NAME_MAX) and longest path getname copies (PATH_MAX). */
    static final int NAME_MAX = 255, PATH_MAX = 4096;
    /** sigev_notify values (asm-generic/siginfo.h). */
    static final int SIGEV_SIGNAL = 0, SIGEV_NONE = 1, SIGEV_THREAD = 2;
    /** si_code of a message queue's notification. */
    static final int SI_MESGQ = -3;
    /** Highest signal number (_NSIG). */
    static final int NSIG = 64;
    /** sizeof(struct mq_attr) and sizeof(struct sigevent) on riscv64. */
    static final int MQ_ATTR_SIZE = 64, SIGEVENT_SIZE = 64;
    /** The socket file type (S_IFSOCK). */
    static final int S_IFMT = 0170000, S_IFSOCK = 0140000;

    /** The errno values these calls need beyond osbox.api.kernel.Errno's (asm-generic/errno.h). */
    static final int ENOTSOCK = 88, EMSGSIZE = 90, ETIMEDOUT = 110;

    private MqConstants() {
    }
}
