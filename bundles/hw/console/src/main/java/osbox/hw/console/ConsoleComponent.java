package osbox.hw.console;

import java.io.InputStream;
import java.io.OutputStream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.Console;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;

/**
 * The machine's console (PID {@code osbox.hw.console}), connected to the host
 * streams its configuration names. The framework property
 * {@value #INPUT_PROPERTY}, when set, overrides the configured input.
 */
@Component(service = Console.class, configurationPid = "osbox.hw.console")
@Designate(ocd = ConsoleComponent.Config.class)
public final class ConsoleComponent implements Console {
    /** Framework property that overrides {@link Config#input()}. */
    public static final String INPUT_PROPERTY = "osbox.console.input";
    /**
     * Framework property the osbox script sets when osbox's stdin and stdout
     * are a terminal it put in raw mode (its window, "ROWSxCOLUMNS"): the
     * input from stdin then passes {@link HostEscape} (^A x ends osbox).
     */
    public static final String TERMINAL_PROPERTY = "osbox.console.terminal";
    /** osbox's status when the user leaves with ^A x: 130, as for the SIGINT a cooked terminal's ^C sends. */
    static final int ESCAPE_STATUS = 130;

    @ObjectClassDefinition(name = "osbox console")
    public @interface Config {
        @AttributeDefinition(description = "Host input: none (end of input at once) or stdin")
        String input() default "none";

        @AttributeDefinition(description = "Host output: stdout or none (discard)")
        String output() default "stdout";
    }

    private final ConsoleDevice device;

    @Activate
    public ConsoleComponent(@Reference(name = "machine") Machine machine,
            @Reference(name = "intc") InterruptController intc, Config config,
            BundleContext context) {
        String override = context.getProperty(INPUT_PROPERTY);
        String input = override == null || override.isBlank() ? config.input() : override;
        InputStream in = HostStreams.input(input);
        String terminal = context.getProperty(TERMINAL_PROPERTY);
        if (in != null && terminal != null && !terminal.isBlank()) {
            in = new HostEscape(in, ConsoleComponent::quitFromTerminal);
        }
        OutputStream out = HostStreams.output(config.output());
        this.device = new ConsoleDevice(machine::submit, intc);
        device.connect(in, out);
    }

    // ^A x on the raw host terminal: one line, then the JVM halts (the osbox script restores the terminal).
    private static void quitFromTerminal() {
        System.err.print("\r\nosbox: ended from the terminal (^A x)\r\n");
        System.err.flush();
        Runtime.getRuntime().halt(ESCAPE_STATUS);
    }

    // Drops the connection (the reader thread is a daemon; its late tasks are ignored) and flushes.
    @Deactivate
    void deactivate() {
        device.disconnect();
    }

    @Override public void write(byte[] src, int off, int len) { device.write(src, off, len); }
    @Override public int read(byte[] dst, int off, int len) { return device.read(dst, off, len); }
    @Override public boolean readable() { return device.readable(); }
    @Override public int interruptSource() { return device.interruptSource(); }
    @Override public void connect(InputStream in, OutputStream out) { device.connect(in, out); }
    @Override public void flush() { device.flush(); }
    @Override public boolean outputClosed() { return device.outputClosed(); }
    @Override public long bytesWritten() { return device.bytesWritten(); }
    @Override public long bytesRead() { return device.bytesRead(); }
}
