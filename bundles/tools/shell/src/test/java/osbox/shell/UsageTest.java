package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import osbox.testkit.hw.FakeConsole;
import osbox.testkit.hw.FakeMachine;
import osbox.testkit.kernel.FakeProcessManager;

/**
 * Every command given the wrong number of arguments prints its usage line
 * (Gogo calls these overloads instead of failing with "Cannot coerce").
 */
class UsageTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final CommandSession session = (CommandSession) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {CommandSession.class}, (proxy, m, a) -> switch (m.getName()) {
                case "getConsole" -> console;
                default -> throw new UnsupportedOperationException(m.getName());
            });
    private final FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.OWN_THREAD);
    private final FakeConsole fakeConsole = new FakeConsole();
    private final FakeProcessManager processes = new FakeProcessManager(machine, fakeConsole);

    @AfterEach
    void stop() {
        machine.close();
    }

    // What the shell printed so far, as lines.
    private List<String> printed() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void policyCommandsPrintTheirUsage() {
        SchedCommands sched = new SchedCommands(new osbox.testkit.policy.FakePolicyControl("sched", "rr"));
        sched.list(session, "extra");
        sched.use(session, true);
        VmCommands vm = new VmCommands(VmCommandsTest.replacementSlot(), null);
        vm.list(session, "a", "b");
        vm.use(session, false);
        vm.stat(session, true, "x");
        vm.maps(session);
        vm.maps(session, "1", "2");
        vm.page(session, "1");
        assertEquals(List.of(
                "usage: sched:list",
                "usage: sched:use [--wait] NAME [key=value...]   (--wait: a policy whose bundle is not installed yet)",
                "usage: vm:list",
                "usage: vm:use [--wait] NAME [key=value...]   (--wait: a policy whose bundle is not installed yet)",
                "usage: vm:stat [--json]",
                "usage: vm:maps PID",
                "usage: vm:maps PID",
                "usage: vm:page PID ADDR"), printed());
    }

    @Test
    void osboxCommandsPrintTheirUsage() {
        OsboxCommands commands = new OsboxCommands(machine, processes, fakeConsole);
        commands.run(session);
        commands.ps(session, "1");
        commands.stats(session, "-a", "-b");
        assertEquals(List.of(
                "usage: osbox:run PROGRAM [ARGS...]   (end the line with & to run it in the background)",
                "usage: osbox:ps",
                "usage: osbox:stats"), printed());
        assertEquals(List.of(), processes.spawned(), "nothing ran");
    }

    @Test
    void aCommandWithoutAUsageLineIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Usage.line("osbox:nope"));
    }
}
