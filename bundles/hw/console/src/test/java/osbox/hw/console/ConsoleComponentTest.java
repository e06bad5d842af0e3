package osbox.hw.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import osbox.api.hw.EventQueue;
import osbox.api.hw.Hart;
import osbox.api.hw.Machine;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TrapVector;
import osbox.api.trace.Tracer;

class ConsoleComponentTest {
    /** Just enough machine: a submit queue drained by hand. */
    private static final class QueueMachine implements Machine {
        final List<Runnable> submitted = new ArrayList<>();

        void drain() {
            while (!submitted.isEmpty()) {
                submitted.remove(0).run();
            }
        }

        @Override public synchronized void submit(Runnable task) { submitted.add(task); }
        @Override public EventQueue events() { throw new UnsupportedOperationException(); }
        @Override public long now() { return 0; }
        @Override public long frequencyHz() { return 1; }
        @Override public int hartCount() { return 1; }
        @Override public Hart hart(int index) { throw new UnsupportedOperationException(); }
        @Override public PhysicalMemory memory() { throw new UnsupportedOperationException(); }
        @Override public void setTrapVector(TrapVector vector) { throw new UnsupportedOperationException(); }
        @Override public <T> T call(Callable<T> task) { throw new UnsupportedOperationException(); }
        @Override public boolean onSimulationThread() { return true; }
        @Override public MachineStatistics statistics() { throw new UnsupportedOperationException(); }
        @Override public Tracer tracer() { throw new UnsupportedOperationException(); }
    }

    private static ConsoleComponent.Config config(String input, String output) {
        return new ConsoleComponent.Config() {
            @Override public String input() { return input; }
            @Override public String output() { return output; }
            @Override public Class<? extends Annotation> annotationType() { return ConsoleComponent.Config.class; }
        };
    }

    // A bundle context whose only working method is getProperty, answered from `props`.
    private static BundleContext context(Map<String, String> props) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return props.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void inputNoneMeansEndOfInputAtTheFirstSafePoint() {
        QueueMachine machine = new QueueMachine();
        RecordingIntc intc = new RecordingIntc();
        ConsoleComponent console = new ConsoleComponent(machine, intc, config("none", "none"), context(Map.of()));
        assertEquals(0, console.read(new byte[1], 0, 1));
        machine.drain();
        assertEquals(-1, console.read(new byte[1], 0, 1));
        assertEquals(1, console.interruptSource());
        assertEquals(List.of(1), intc.raised);
        console.write(new byte[3], 0, 3);
        assertEquals(3, console.bytesWritten());
        console.deactivate();
    }

    @Test
    void theFrameworkPropertyOverridesTheConfiguredInput() {
        QueueMachine machine = new QueueMachine();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConsoleComponent(machine,
                new RecordingIntc(), config("none", "none"), context(Map.of(ConsoleComponent.INPUT_PROPERTY, "tty"))));
        assertEquals("console input must be one of [none, stdin]: 'tty'", e.getMessage());
    }

    @Test
    void unknownOutputIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConsoleComponent(
                new QueueMachine(), new RecordingIntc(), config("none", "stderr"), context(Map.of())));
        assertEquals("console output must be one of [none, stdout]: 'stderr'", e.getMessage());
    }
}
