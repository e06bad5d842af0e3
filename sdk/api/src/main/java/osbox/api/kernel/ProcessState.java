package osbox.api.kernel;

/** Process states, as the notes name them. */
public enum ProcessState {
    NEW, READY, RUNNING, BLOCKED, ZOMBIE
}
