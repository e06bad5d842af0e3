package osbox.testkit.sched;

/**
 * A policy broke the SPI's rules (picked a task that is not enqueued, gave a
 * slice that is not positive, left a hart idle with work waiting...). An
 * AssertionError, so test frameworks report it as a failure.
 */
public final class PolicyViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** A violation described by message. */
    public PolicyViolation(String message) {
        super(message);
    }
}
