package osbox.kernel.tty;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import osbox.api.hw.Console;
import osbox.api.kernel.InterruptHandler;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.TerminalProvider;
import osbox.api.kernel.WaitQueue;

/**
 * The console driver: the terminal processes started from outside get as
 * descriptors 0, 1 and 2, and the console's interrupt service routine
 * (input arriving wakes the readers). The console is a terminal (a
 * {@link Tty}: line discipline, termios, sessions) when osbox's own
 * standard input and output are one, which the osbox script says through
 * the framework property {@value #TERMINAL_PROPERTY} ("ROWSxCOLUMNS", the
 * host window); otherwise it is a plain stream, as a pipe is.
 */
@Component(service = {TerminalProvider.class, InterruptHandler.class})
public final class ConsoleTerminal implements TerminalProvider, InterruptHandler {
    /** Framework property: the host terminal's window, "ROWSxCOLUMNS"; absent or empty: not a terminal. */
    public static final String TERMINAL_PROPERTY = "osbox.console.terminal";
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    private final Console console;
    private final Kernel kernel;
    private final WaitQueue readers;
    private final java.util.function.Consumer<ProcessView> exits = this::exited;
    private volatile int[] terminalSize;       // rows, columns; null: a stream
    private Tty tty;                            // made on the simulation thread, at the first use

    @Activate
    public ConsoleTerminal(@Reference(name = "console") Console console, @Reference(name = "kernel") Kernel kernel) {
        this.console = console;
        this.kernel = kernel;
        this.readers = kernel.newWaitQueue("console-input");
    }

    /** In the framework: a terminal if the osbox script found one (see the class comment). */
    @Activate
    void activate(BundleContext context) {
        String size = context.getProperty(TERMINAL_PROPERTY);
        if (size != null && !size.isBlank()) {
            Matcher m = SIZE.matcher(size.trim());
            terminalSize = m.matches() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}
                    : new int[] {24, 80};   // a terminal whose size stty could not tell
        }
    }

    @Deactivate
    void deactivate() {
        if (tty != null) {
            kernel.processManager().removeExitListener(exits);
        }
    }

    /**
     * Makes the console a terminal with a rows x columns window (before the
     * first open): input goes through the line discipline from then on.
     */
    void becomeTerminal(int rows, int columns) {
        terminalSize = new int[] {rows, columns};
    }

    // The terminal, made at its first use (on the simulation thread), or null for a stream.
    private Tty tty() {
        int[] size = terminalSize;
        if (tty == null && size != null) {
            tty = new Tty(console, readers, kernel.newWaitQueue("tty-foreground"),
                    new Sessions(kernel.processManager()), size[0], size[1]);
            kernel.processManager().addExitListener(exits);
        }
        return tty;
    }

    @Override
    public OpenFile open() {
        return new ConsoleFile(console, readers, tty());
    }

    /** For a process started from outside: the terminal becomes its controlling terminal (see {@link Tty#started}). */
    @Override
    public OpenFile open(ProcessView starting) {
        Tty t = tty();
        if (t != null) {
            t.started(starting);
        }
        return open();
    }

    @Override
    public int source() {
        return console.interruptSource();
    }

    @Override
    public void interrupt(int source) {
        Tty t = tty();
        if (t != null) {
            t.receive();
        } else {
            readers.wakeAll();
        }
    }

    // A session leader's exit hangs its controlling terminal up (Linux's disassociate_ctty(1)).
    private void exited(ProcessView p) {
        if (tty != null && p.pid() == p.sid() && tty.session() == p.sid()) {
            tty.detach(false);
        }
    }
}
