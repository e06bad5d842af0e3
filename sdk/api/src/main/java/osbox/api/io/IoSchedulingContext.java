package osbox.api.io;

import org.osgi.annotation.versioning.ProviderType;

/** What the block layer tells a policy about the device it schedules, at {@link IoSchedulingPolicy#attach}. */
@ProviderType
public interface IoSchedulingContext {
    /** The device's number (as {@link BlockRequest#device()} gives it). */
    int device();

    /** The device's size in sectors: the sweeping policies turn at sector {@code capacity() - 1} and 0. */
    long capacity();
}
