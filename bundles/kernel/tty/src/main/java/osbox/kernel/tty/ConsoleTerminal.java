package osbox.kernel.tty;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.hw.Console;
import osbox.api.kernel.InterruptHandler;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.TerminalProvider;
import osbox.api.kernel.WaitQueue;

/**
 * The console driver: the terminal processes started from outside get as
 * descriptors 0, 1 and 2, and the console's interrupt service routine
 * (input arriving wakes the readers).
 */
@Component(service = {TerminalProvider.class, InterruptHandler.class})
public final class ConsoleTerminal implements TerminalProvider, InterruptHandler {
    private final Console console;
    private final WaitQueue readers;

    @Activate
    public ConsoleTerminal(@Reference(name = "console") Console console, @Reference(name = "kernel") Kernel kernel) {
        this.console = console;
        this.readers = kernel.newWaitQueue("console-input");
    }

    @Override
    public OpenFile open() {
        return new ConsoleFile(console, readers);
    }

    @Override
    public int source() {
        return console.interruptSource();
    }

    @Override
    public void interrupt(int source) {
        readers.wakeAll();
    }
}
