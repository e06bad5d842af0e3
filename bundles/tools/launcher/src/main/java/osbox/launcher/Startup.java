package osbox.launcher;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Waiting for the framework to finish starting. The bnd launcher calls the
 * main-thread service as soon as it is registered, while the framework may
 * still be raising its start level: bundles of the launcher's own level
 * installed after it (the scheduling policies, say) may not have started yet.
 */
final class Startup {

    private Startup() {
    }

    /**
     * Waits until the framework has reached its beginning start level, at
     * most {@code timeoutMillis}. That level is the system property
     * {@value Constants#FRAMEWORK_BEGINNING_STARTLEVEL} (the osbox script
     * sets 99), else the framework property of that name (the bnd launcher
     * gives the framework 1 there and raises the level itself afterwards). It asks for that level again, with a
     * listener: the framework queues the request behind the one in progress
     * and, once at that level, announces it (STARTLEVEL_CHANGED), even if
     * nothing was left to start. Returns false on timeout, true otherwise
     * (also when there is nothing to wait for).
     */
    static boolean awaitBeginningStartLevel(BundleContext context, long timeoutMillis) throws InterruptedException {
        String beginning = System.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL,
                context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL));
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        if (beginning == null || system == null) {
            return true;
        }
        int level;
        try {
            level = Integer.parseInt(beginning.trim());
        } catch (NumberFormatException e) {
            return true;
        }
        FrameworkStartLevel startLevel = system.adapt(FrameworkStartLevel.class);
        if (startLevel == null || startLevel.getStartLevel() > level) {
            return true; // never lower it
        }
        CountDownLatch reached = new CountDownLatch(1);
        startLevel.setStartLevel(level, event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED || event.getType() == FrameworkEvent.ERROR) {
                reached.countDown();
            }
        });
        return reached.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
