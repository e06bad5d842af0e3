package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A component's failure, as SCR keeps it (a stack trace's text), becomes one line and a status. */
class ComponentFailuresTest {

    @Test
    void aBadSettingIsItsComponentsMessageAndStatus2() {
        String trace = String.join("\n",
                "java.lang.reflect.InvocationTargetException",
                "\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)",
                "Caused by: java.lang.IllegalArgumentException: osbox.mem 12X: not a size (use e.g. 4096K, 64M, 1G)",
                "\tat osbox.hw.memory.PhysicalMemoryComponent.bytes(PhysicalMemoryComponent.java:50)",
                "Caused by: java.lang.IllegalArgumentException: not a size (use e.g. 4096K, 64M, 1G)",
                "\tat osbox.api.hw.MemorySize.parse(MemorySize.java:60)",
                "\t... 20 more");
        ComponentFailures.Failure f = ComponentFailures.parse("osbox.hw.memory.PhysicalMemoryComponent", trace);
        assertTrue(f.configuration());
        assertEquals("osbox: osbox.mem 12X: not a size (use e.g. 4096K, 64M, 1G)", f.line());
        assertEquals(2, f.status());
    }

    @Test
    void anyOtherFailureNamesTheComponentAndTheExceptionWithStatus70() {
        String trace = String.join("\n",
                "java.lang.IllegalStateException: the simulation thread is gone",
                "\tat osbox.hw.machine.MachineComponent.<init>(MachineComponent.java:40)",
                "Caused by: java.lang.OutOfMemoryError: Java heap space");
        ComponentFailures.Failure f = ComponentFailures.parse("osbox.hw.machine.MachineComponent", trace);
        assertFalse(f.configuration());
        assertEquals("osbox: component osbox.hw.machine.MachineComponent failed to start:"
                + " java.lang.OutOfMemoryError: Java heap space", f.line());
        assertEquals(70, f.status());
    }

    @Test
    void aTraceWithoutCausesIsItsFirstLineAndNoTraceIsUnknown() {
        assertEquals("osbox: component c failed to start: java.lang.NullPointerException",
                ComponentFailures.parse("c", "java.lang.NullPointerException\n\tat x.y(Z.java:1)").line());
        assertEquals("osbox: component c failed to start: unknown failure", ComponentFailures.parse("c", null).line());
    }
}
