package osbox.ipc.unix;

/**
 * The SOL_SOCKET options of one socket that programs set and read back
 * (SO_SNDBUF, SO_RCVBUF, SO_PASSCRED), and the numbers of those osbox
 * knows. The buffer sizes are reported (doubled on set, as Linux keeps
 * room for its bookkeeping) but the receive queue's limit stays
 * {@link UnixSocket#BUFFER}.
 */
final class SocketOptions {
    static final int SO_REUSEADDR = 2, SO_TYPE = 3, SO_ERROR = 4, SO_SNDBUF = 7, SO_RCVBUF = 8, SO_KEEPALIVE = 9,
            SO_LINGER = 13, SO_PASSCRED = 16, SO_PEERCRED = 17, SO_RCVLOWAT = 18, SO_SNDLOWAT = 19,
            SO_ACCEPTCONN = 30, SO_PROTOCOL = 38, SO_DOMAIN = 39;
    /** Linux's SOCK_MIN_SNDBUF and SOCK_MIN_RCVBUF for a small skb. */
    static final int MIN_SNDBUF = 4608, MIN_RCVBUF = 2304;

    int sndbuf = UnixSocket.BUFFER;
    int rcvbuf = UnixSocket.BUFFER;
    boolean passcred;
}
