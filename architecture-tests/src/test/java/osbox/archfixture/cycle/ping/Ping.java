package osbox.archfixture.cycle.ping;

import osbox.archfixture.cycle.pong.Pong;

/** Fixture: half of a two-package cycle (ping -> pong -> ping), for DeliberateViolationsTest only. */
public final class Ping {
    /** Depends on package pong. */
    public Pong answer() {
        return new Pong();
    }
}
