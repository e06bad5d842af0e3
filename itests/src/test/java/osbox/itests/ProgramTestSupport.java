package osbox.itests;

import javax.inject.Inject;
import org.junit.Before;
import osbox.api.hw.Console;
import osbox.api.hw.Machine;
import osbox.api.kernel.ProcessManager;

/**
 * The setup of the integration tests that run example programs on the
 * machine in the framework: the services they go through (Machine,
 * ProcessManager, Console) and a {@link ProgramRunner} over them, whose
 * buffer the console's host side writes to from the start of each test.
 */
public abstract class ProgramTestSupport extends OsboxTestSupport {
    @Inject
    protected Machine machine;

    @Inject
    protected ProcessManager processes;

    @Inject
    protected Console console;

    /** Runs programs and keeps their output; a new one, connected to the console, for each test. */
    protected ProgramRunner runner;

    /** Connects the console's host side to a fresh runner. */
    @Before
    public void connectConsole() {
        runner = new ProgramRunner(machine, processes, console);
    }
}
