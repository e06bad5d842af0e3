package osbox.archfixture.cycle.pong;

import osbox.archfixture.cycle.ping.Ping;

/** Fixture: the other half of a two-package cycle (pong -> ping -> pong), for DeliberateViolationsTest only. */
public final class Pong {
    /** Depends back on package ping. */
    public Ping serve() {
        return new Ping();
    }
}
