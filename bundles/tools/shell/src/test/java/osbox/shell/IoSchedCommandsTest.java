package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.policy.FakePolicyControl;

class IoSchedCommandsTest {
    private final FakePolicyControl control = new FakePolicyControl("io.sched", "the block layer's FIFO (fallback)")
            .provider("sstf", Map.of()).provider("deadline", Map.of("read-expire", "500"));
    private final IoSchedCommands commands = new IoSchedCommands(control);

    @Test
    void listMarksTheActiveSchedulerAndCountsTheSwaps() {
        assertEquals("I/O scheduler sstf active", commands.useText(false, "sstf"));
        assertEquals(List.of("sstf{}"), control.uses);
        assertEquals(""
                + "NAME      ACTIVE  DESCRIPTION                        OPTIONS\n"
                + "builtin           the block layer's FIFO (fallback)\n"
                + "deadline          deadline policy                    read-expire=500\n"
                + "sstf      *       sstf policy\n"
                + "ejections: none\n"
                + "swaps: " + control.swaps() + "\n", commands.listText());
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertEquals("io:use: cfq: no such I/O scheduler (known: builtin, deadline, sstf); to choose one whose "
                + "bundle is not installed yet: io:use --wait cfq", commands.useText(false, "cfq"));
        assertEquals(List.of(), control.uses);
    }
}
