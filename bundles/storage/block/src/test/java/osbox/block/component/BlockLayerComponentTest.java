package osbox.block.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.io.BlockLayer;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.api.kernel.Kernel;
import osbox.api.memory.MemoryManager;
import osbox.api.policy.PolicyControl;
import osbox.testkit.hw.FakeMachine;

/**
 * The component built as the harness builds it (its constructor, services
 * only): providers offered to its whiteboard reach the io.sched slot, whose
 * control lists and selects them; with no disk, submissions find no device.
 */
class BlockLayerComponentTest {

    @SuppressWarnings("unchecked")
    static <T> T nothing(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.isDefault()) {
                return java.lang.reflect.InvocationHandler.invokeDefault(p, m, a);
            }
            return m.getReturnType() == long.class ? 0L : m.getReturnType() == int.class ? 0
                    : m.getReturnType() == boolean.class ? false : null;
        });
    }

    @Test
    void providersOfferedToTheWhiteboardAreListedAndChosen() throws Exception {
        try (FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.AT_ONCE)) {
            BlockLayerComponent blocks = new BlockLayerComponent(machine, nothing(Kernel.class),
                    nothing(MemoryManager.class), nothing(osbox.api.hw.InterruptController.class));
            IoSchedulingPolicyProvider sstf = new IoSchedulingPolicyProvider() {
                @Override
                public String describe() {
                    return "test sstf";
                }

                @Override
                public Map<String, String> defaults() {
                    return Map.of();
                }

                @Override
                public IoSchedulingPolicy create(Map<String, String> options) {
                    return nothing(IoSchedulingPolicy.class);
                }
            };
            blocks.whiteboard().offer(IoSchedulingPolicyProvider.class.getName(), sstf,
                    Map.of(IoSchedulingPolicyProvider.NAME, "sstf"));
            PolicyControl control = IoSchedulingControl.of(blocks.core(), machine);
            assertEquals(List.of("builtin", "sstf"), control.policies().stream().map(PolicyControl.Policy::name).toList());
            assertTrue(control.use("sstf", Map.of()));
            assertEquals("sstf", ((BlockLayer) blocks).scheduler(0));
            assertEquals(List.of(), blocks.devices());
            assertEquals(-1, blocks.device("vda"));
        }
    }
}
