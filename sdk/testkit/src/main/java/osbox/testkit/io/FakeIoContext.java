package osbox.testkit.io;

import osbox.api.io.IoSchedulingContext;

/** A device for tests: its number and its size in sectors. */
public record FakeIoContext(int device, long capacity) implements IoSchedulingContext {
}
