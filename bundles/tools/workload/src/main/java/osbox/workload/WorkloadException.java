package osbox.workload;

/**
 * A workload that cannot be loaded or run. The message is one line meant for
 * people: the file, the field (such as {@code processes[2].arrival}) and
 * what is wrong with it.
 */
public class WorkloadException extends Exception {
    private static final long serialVersionUID = 1L;

    public WorkloadException(String message) {
        super(oneLine(message));
    }

    public WorkloadException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
