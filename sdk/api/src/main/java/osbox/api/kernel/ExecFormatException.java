package osbox.api.kernel;

/** An executable image osbox will not run; the message says why, for the user. */
public class ExecFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExecFormatException(String reason) {
        super(reason);
    }
}
