package osbox.ipc.posixmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The limits Config Admin may set: Linux's defaults, and the ranges Linux's sysctls accept. */
class MqLimitsTest {
    @Test
    void linuxsDefaultsAreValid() {
        assertNull(MqLimits.LINUX.invalid());
        assertEquals(new MqLimits(256, 10, 8192, 10, 8192, 819_200), MqLimits.LINUX);
        MqNamespace.Config defaults = ConfigDefaults.config();
        assertEquals(MqLimits.LINUX, new MqLimits(defaults.queues_max(), defaults.msg_max(), defaults.msgsize_max(),
                defaults.msg_default(), defaults.msgsize_default(), defaults.rlimit_msgqueue()),
                "the configuration's defaults are Linux's");
    }

    @Test
    void outOfRangeLimitsNameTheRange() {
        assertEquals("msg_max 0 is out of range 1..65536", new MqLimits(256, 0, 8192, 10, 8192, 1).invalid());
        assertEquals("msgsize_max 127 is out of range 128..16777216",
                new MqLimits(256, 10, 127, 10, 100, 1).invalid());
        assertEquals("queues_max 1025 is out of range 0..1024", new MqLimits(1025, 10, 8192, 10, 8192, 1).invalid());
        assertEquals("msg_default 11 is out of range 1..msg_max (10)",
                new MqLimits(256, 10, 8192, 11, 8192, 1).invalid());
        MqWorld world = new MqWorld();
        assertThrows(IllegalArgumentException.class,
                () -> world.namespace.setLimits(new MqLimits(256, 0, 8192, 10, 8192, 1)));
        assertEquals(MqLimits.LINUX, world.namespace.limits(), "unchanged");
    }

    /** The annotation's defaults, read as Config Admin would give them with no configuration. */
    static final class ConfigDefaults {
        static MqNamespace.Config config() {
            return (MqNamespace.Config) java.lang.reflect.Proxy.newProxyInstance(MqNamespace.Config.class.getClassLoader(),
                    new Class<?>[] {MqNamespace.Config.class}, (proxy, method, args) -> method.getDefaultValue());
        }
    }
}
