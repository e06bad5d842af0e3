package osbox.kernel.core;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.kernel.ExecFormat;
import osbox.api.kernel.InterruptHandler;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.TerminalProvider;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.kernel.Syscalls;

/**
 * Collects the kernel's whiteboard services (syscall handlers, executable
 * formats, interrupt handlers) from any thread and applies each change at a
 * safe point on the simulation thread. A departure is applied before its
 * unbind returns, so a stopped bundle's code is never called afterwards.
 */
@Component(immediate = true)
public final class KernelWhiteboard {
    private static final Logger LOG = LoggerFactory.getLogger(KernelWhiteboard.class);

    private final KernelInternals kernel;

    @Activate
    public KernelWhiteboard(@Reference(name = "kernel") KernelInternals kernel) {
        this.kernel = kernel;
    }

    @Reference(name = "syscall", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSyscall(SyscallHandler h, Map<String, Object> props) {
        Integer number = number(props.get(SyscallHandler.NUMBER));
        if (number == null) {
            LOG.warn("syscall handler {} has no valid {} property; ignored", h, SyscallHandler.NUMBER);
            return;
        }
        String name = String.valueOf(props.getOrDefault(SyscallHandler.NAME, "syscall " + number));
        kernel.atSafePoint(() -> kernel.core().installSyscall(number, name, h), false);
    }

    void unbindSyscall(SyscallHandler h, Map<String, Object> props) {
        Integer number = number(props.get(SyscallHandler.NUMBER));
        if (number != null) {
            kernel.atSafePoint(() -> kernel.core().removeSyscall(number, h), true);
        }
    }

    // The syscall number property as an int in the table's range, or null.
    static Integer number(Object n) {
        int v;
        if (n instanceof Number) {
            v = ((Number) n).intValue();
        } else if (n instanceof String) {
            try {
                v = Integer.parseInt(((String) n).trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return v >= 0 && v < Syscalls.TABLE_SIZE ? v : null;
    }

    @Reference(name = "format", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFormat(ExecFormat f) {
        kernel.atSafePoint(() -> kernel.core().addFormat(f), false);
    }

    void unbindFormat(ExecFormat f) {
        kernel.atSafePoint(() -> kernel.core().removeFormat(f), true);
    }

    @Reference(name = "policy", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPolicy(SchedulingPolicyProvider p, Map<String, Object> props) {
        Object name = props.get(SchedulingPolicyProvider.NAME);
        if (!(name instanceof String) || ((String) name).isBlank()) {
            LOG.warn("scheduling policy provider {} has no {} property; ignored", p, SchedulingPolicyProvider.NAME);
            return;
        }
        kernel.atSafePoint(() -> kernel.core().dispatcher().addProvider((String) name, p), false);
    }

    void unbindPolicy(SchedulingPolicyProvider p, Map<String, Object> props) {
        Object name = props.get(SchedulingPolicyProvider.NAME);
        if (name instanceof String) {
            kernel.atSafePoint(() -> kernel.core().dispatcher().removeProvider((String) name, p), true);
        }
    }

    @Reference(name = "terminal", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTerminal(TerminalProvider t) {
        kernel.atSafePoint(() -> kernel.core().setTerminal(t), false);
    }

    void unbindTerminal(TerminalProvider t) {
        kernel.atSafePoint(() -> kernel.core().clearTerminal(t), true);
    }

    @Reference(name = "irq", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindInterruptHandler(InterruptHandler h) {
        kernel.atSafePoint(() -> kernel.core().addInterruptHandler(h), false);
    }

    void unbindInterruptHandler(InterruptHandler h) {
        kernel.atSafePoint(() -> kernel.core().removeInterruptHandler(h), true);
    }
}
