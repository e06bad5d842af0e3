package osbox.hw.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import osbox.testkit.hw.FakeInterruptController;
import osbox.testkit.hw.FakeMachine;

class ConsoleComponentTest {
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
        FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.QUEUED);
        FakeInterruptController intc = new FakeInterruptController();
        ConsoleComponent console = new ConsoleComponent(machine, intc, config("none", "none"), context(Map.of()));
        assertEquals(0, console.read(new byte[1], 0, 1));
        machine.runTasks();
        assertEquals(-1, console.read(new byte[1], 0, 1));
        assertEquals(1, console.interruptSource());
        assertEquals(List.of(1), intc.raised());
        console.write(new byte[3], 0, 3);
        assertEquals(3, console.bytesWritten());
        console.deactivate();
    }

    @Test
    void aClosedHostOutputShowsThroughTheComponent() {
        FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.QUEUED);
        ConsoleComponent console = new ConsoleComponent(machine, new FakeInterruptController(), config("none", "none"),
                context(Map.of()));
        assertFalse(console.outputClosed());
        console.connect(null, new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }
        });
        console.write(new byte[1], 0, 1);
        assertTrue(console.outputClosed());
        console.deactivate();
    }

    @Test
    void theFrameworkPropertyOverridesTheConfiguredInput() {
        FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.QUEUED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConsoleComponent(machine,
                new FakeInterruptController(), config("none", "none"), context(Map.of(ConsoleComponent.INPUT_PROPERTY, "tty"))));
        assertEquals("console input must be one of [none, stdin]: 'tty'", e.getMessage());
    }

    @Test
    void unknownOutputIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConsoleComponent(
                FakeMachine.with(FakeMachine.Tasks.QUEUED), new FakeInterruptController(), config("none", "stderr"), context(Map.of())));
        assertEquals("console output must be one of [none, stdout]: 'stderr'", e.getMessage());
    }
}
