/**
 * Fakes of the hardware interfaces ({@code osbox.api.hw}) for tests of
 * anything that runs on the machine (kernel parts, device models, drivers,
 * front ends), one per interface: {@link osbox.testkit.hw.FakeMachine}
 * (fake harts, an event queue the test advances, a tracer that keeps every
 * event, and tasks run at once, queued until the test runs them, or on a
 * simulation thread of its own), {@link osbox.testkit.hw.FakeHart} (a clock
 * the test moves, or traps it scripts), {@link osbox.testkit.hw.FakeTranslationUnit},
 * {@link osbox.testkit.hw.FakeCpu} and {@link osbox.testkit.hw.FakeMmu}
 * (factories of those, to build a real machine model over fakes),
 * {@link osbox.testkit.hw.FakeEventQueue}, {@link osbox.testkit.hw.FakeTimer},
 * {@link osbox.testkit.hw.FakeInterruptController},
 * {@link osbox.testkit.hw.FakeConsole} and {@link osbox.testkit.hw.FakeTracer}.
 * Each records what it is told, so tests assert on it; none simulates more
 * than its javadoc says. Deterministic: no wall clock, no hash order.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package osbox.testkit.hw;
