package osbox.launcher;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Components that failed to start, as Declarative Services reports them
 * (state FAILED_ACTIVATION, with the failure's stack trace as text): how a
 * configuration error found by a component (a bad {@code osbox.mem},
 * {@code osbox.swap}, {@code osbox.tlb}, or Config Admin value) reaches the
 * user as one line instead of a component trace and a wait. Felix SCR's own
 * logging of these traces is off ({@code ds.loglevel} in osbox.bndrun).
 */
final class ComponentFailures {

    /** Exit status of a configuration error (the usage's). */
    static final int CONFIGURATION_STATUS = CommandLine.USAGE_STATUS;

    private ComponentFailures() {
    }

    /**
     * A component that failed to start: its name, the root cause's class and
     * its message (one line), and whether it is a configuration error (the
     * components throw IllegalArgumentException for a bad setting).
     */
    record Failure(String component, String exception, String message) {

        /** True for a bad setting: an IllegalArgumentException from the component. */
        boolean configuration() {
            return exception.equals(IllegalArgumentException.class.getName());
        }

        /** The line for stderr: the message alone for a bad setting; otherwise the component and the exception. */
        String line() {
            return configuration() ? "osbox: " + message
                    : "osbox: component " + component + " failed to start: " + exception
                            + (message.isEmpty() ? "" : ": " + message);
        }

        /** The exit status: 2 for a bad setting, 70 (EX_SOFTWARE) otherwise. */
        int status() {
            return configuration() ? CONFIGURATION_STATUS : CommandLineComponent.NOT_STARTED_STATUS;
        }
    }

    /**
     * The component that failed to activate, or null: a configuration error
     * first (the others, such as a component that could not get the service
     * of one that failed, are its consequences), else the first in SCR's order.
     */
    static Failure first(BundleContext context) {
        Failure found = scan(context);
        // a consequence (a component that could not get the service of one that failed) can be seen
        // before its cause is recorded: give the cause a moment to appear (host time, outside the
        // simulation), as the user needs the setting that was refused, not the component that tripped on it
        for (int i = 0; i < CAUSE_POLLS && found != null && !found.configuration(); i++) {
            try {
                Thread.sleep(CAUSE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
            Failure again = scan(context);
            found = again == null ? found : again;
        }
        return found;
    }

    // how long first() waits for a configuration error behind another failure: 20 x 50 ms
    private static final int CAUSE_POLLS = 20;
    private static final long CAUSE_POLL_MILLIS = 50;

    // One look at SCR's components: a configuration error first, else the first failure, else null.
    private static Failure scan(BundleContext context) {
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = ref == null ? null : context.getService(ref);
        if (scr == null) {
            return null;
        }
        try {
            Failure found = null;
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        Failure f = parse(description.name, c.failure);
                        if (f.configuration()) {
                            return f;
                        }
                        found = found == null ? f : found;
                    }
                }
            }
            return found;
        } finally {
            context.ungetService(ref);
        }
    }

    /**
     * The failure {@code trace} describes (the text of a stack trace, as
     * SCR keeps it): its outermost IllegalArgumentException (a component's
     * message naming the setting, which may wrap the parser's), else its
     * deepest cause, the one whose {@code Caused by:} line comes last, else
     * its first line.
     */
    static Failure parse(String component, String trace) {
        String text = trace == null ? "" : trace;
        String cause = null;
        for (String line : text.split("\\R")) {
            String exception = line.startsWith("Caused by: ") ? line.substring("Caused by: ".length()).trim()
                    : cause == null && !line.isBlank() ? line.trim() : null;
            if (exception == null) {
                continue;
            }
            cause = exception;
            if (exception.startsWith(IllegalArgumentException.class.getName() + ":")) {
                break;
            }
        }
        if (cause == null) {
            return new Failure(component, "unknown failure", "");
        }
        int colon = cause.indexOf(": ");
        String exception = colon < 0 ? cause : cause.substring(0, colon);
        String message = colon < 0 ? "" : cause.substring(colon + 2).trim();
        return new Failure(component, exception, message);
    }
}
