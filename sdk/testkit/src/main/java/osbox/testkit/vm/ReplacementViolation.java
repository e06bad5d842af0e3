package osbox.testkit.vm;

/**
 * A replacement policy broke the SPI's rules (named no victim, or a page that
 * is not resident, or asked the context about a page that left). An
 * AssertionError, so test frameworks report it as a failure.
 */
public final class ReplacementViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** A violation described by message. */
    public ReplacementViolation(String message) {
        super(message);
    }
}
