package osbox.api.archfixture;

import org.osgi.annotation.versioning.ProviderType;
import osbox.api.trace.Tracer;
import osbox.hw.machine.SimulatedMachine;

/**
 * Fixture that breaks "SDK API packages import no bundle" on purpose (only
 * DeliberateViolationsTest reads it): an API interface that names a hardware
 * bundle's class. Its other API type and the versioning annotation are allowed.
 */
@ProviderType
public interface ApiReachingIntoBundle {
    /** Returns a bundle's implementation class: a violation. */
    SimulatedMachine machine();

    /** Allowed: another API type. */
    Tracer tracer();
}
