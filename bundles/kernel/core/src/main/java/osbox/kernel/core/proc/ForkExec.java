package osbox.kernel.core.proc;

import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Hart;
import osbox.api.hw.HartContext;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ExecImage;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.TerminalProvider;
import osbox.api.kernel.WaitStatus;
import osbox.api.memory.AddressSpace;
import osbox.api.sched.TaskAttributes;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.files.FileTable;
import osbox.kernel.core.files.OpenFiles;
import osbox.kernel.core.fs.HostMount;
import osbox.kernel.core.fs.Namespace;
import osbox.kernel.core.fs.Node;
import osbox.kernel.core.fs.PathWalk;
import osbox.kernel.core.sched.Dispatcher;

/**
 * How processes come to be and change program: spawn (a new process from
 * outside, running an image, with the terminal as descriptors 0-2), fork
 * (a copy-on-write copy of the caller) and execve (a program from the host
 * mount replacing the caller's image). Simulation thread only.
 */
public final class ForkExec {
    private static final Logger LOG = LoggerFactory.getLogger(ForkExec.class);

    /**
     * What ForkExec works with: where processes are kept and run, how images
     * are parsed, loaded and found, how descriptors are named, who frees
     * memory for a copy, where events go.
     *
     * @param maxProcesses processes that may exist at once (fork answers EAGAIN, spawn refuses, beyond)
     * @param seed         the kernel's seed (AT_RANDOM bytes come from it and the pid)
     */
    public record Parts(ProcessTable table, Dispatcher<Process> dispatcher, ExecFormats formats,
            ProgramLoader loader, HostMount host, OpenFiles files, ProcessMemory.Reclaim reclaim, Tracer tracer,
            int maxProcesses, long seed, ExitWait exits) {
    }

    private final Parts k;
    private final Namespace namespace;
    private TerminalProvider terminal;

    /** Makes and loads processes with {@code parts}; the namespace's /dev/tty is the terminal spawn gives. */
    public ForkExec(Parts parts) {
        this.k = parts;
        this.namespace = new Namespace(parts.host(), () -> terminal == null ? null : terminal.open(), parts.seed());
    }

    /** The file tree processes see (paths, /host, /dev, /proc). */
    public Namespace namespace() {
        return namespace;
    }

    /** The terminal new top-level processes get as descriptors 0-2 (null: none). */
    public void setTerminal(TerminalProvider t) {
        terminal = t;
    }

    /** The terminal spawn gives, or null. */
    public TerminalProvider terminal() {
        return terminal;
    }

    /**
     * A new process without a parent running {@code image} (validated by the
     * installed formats) with argv (empty: just the path) and envp, the
     * terminal as descriptors 0-2 and the given scheduling attributes; it is
     * admitted to the dispatcher. Returns its pid. Throws (nothing is left
     * behind) when the image is refused, the process limit is reached, or
     * memory for the image runs out.
     */
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp, TaskAttributes attributes)
            throws ExecFormatException {
        ExecImage exec = k.formats().parse(image);
        List<String> args = argv.isEmpty() ? List.of(path) : argv;
        if (k.table().size() >= k.maxProcesses()) {
            throw new ExecFormatException("too many processes (" + k.maxProcesses() + ")");
        }
        Process p = k.table().create(0, baseName(args.get(0)), args, k.dispatcher().now());
        p.setLimits(ResourceLimits.defaults(k.maxProcesses(), FileTable.MAX));
        ProgramLoader.Loaded loaded;
        try {
            loaded = k.loader().load(p, exec, args, envp, path, randomBytes(p.pid()));
        } catch (ExecFormatException e) {
            k.table().zombify(p, WaitStatus.exited(127), null, k.dispatcher().now());
            k.table().remove(p);
            throw e;
        }
        p.setImage(loaded.context(), loaded.space(), loaded.user());
        p.space().setPid(p.pid());
        p.setPlace(namespace.root(), namespace.image(path, image));
        p.setAttributes(attributes);
        if (terminal != null) {
            FileRef tty = k.files().wrap(terminal.open(p), OpenFile.O_RDWR | OpenFile.O_LARGEFILE);
            for (int fd = 0; fd < 3; fd++) {
                p.files().put(fd, tty, false);
            }
        }
        k.tracer().record(TraceKind.PROCESS_CREATE, -1, p.pid(), 0, 0, p.name());
        k.dispatcher().admit(p);
        return p.pid();
    }

    /**
     * fork: a child with a copy-on-write copy of the parent's memory, its
     * registers (a0 = 0, past the ecall), descriptors, name and scheduling
     * attributes, resource limits, made READY. Returns the child's pid, or
     * -EAGAIN at the process limit or the parent's RLIMIT_NPROC (every
     * process is the same user's, zombies included, as Linux counts them),
     * -ENOMEM when memory for its page tables runs out.
     */
    public long fork(Process parent) {
        if (k.table().size() >= k.maxProcesses()
                || k.table().size() >= parent.limits().softAtMost(ResourceLimits.RLIMIT_NPROC, Long.MAX_VALUE)) {
            return -Errno.EAGAIN;
        }
        AddressSpace space = parent.space().fork();
        if (space == null) {
            return -Errno.ENOMEM;
        }
        Process child = k.table().create(parent.pid(), parent.name(), parent.argv(), k.dispatcher().now());
        HartContext context = parent.context().copy();
        context.x[HartContext.A0] = 0;
        context.pc += 4;
        child.setImage(context, space, new ProcessMemory(space.userCopy(), child, k.reclaim()));
        space.setPid(child.pid());
        child.setFiles(parent.files().fork());
        child.setPlace(parent.cwd(), parent.exe());
        child.setLimits(parent.limits().copy());
        child.inheritAttributes(parent);
        child.setSignals(parent.signals().forkCopy());
        StraceHooks.forked(parent, child);
        k.tracer().record(TraceKind.PROCESS_CREATE, -1, child.pid(), parent.pid(), 0, child.name());
        k.dispatcher().makeReady(child);
        return child.pid();
    }

    /**
     * clone with CLONE_THREAD: a new thread of creator's process, sharing
     * everything the process holds (address space, descriptors, place,
     * dispositions, limits); its own registers (a copy of the creator's,
     * a0 = 0, past the ecall), the creator's blocked mask and scheduling
     * attributes, nothing pending. It is not READY yet: the caller sets its
     * stack and TLS, then {@link #startThread}. Returns it, or null at the
     * process limit or the creator's RLIMIT_NPROC (EAGAIN: threads count
     * as Linux counts them).
     */
    public Process thread(Process creator) {
        if (k.table().size() >= k.maxProcesses()
                || k.table().size() >= creator.limits().softAtMost(ResourceLimits.RLIMIT_NPROC, Long.MAX_VALUE)) {
            return null;
        }
        Process t = k.table().createThread(creator, k.dispatcher().now());
        HartContext context = creator.context().copy();
        context.x[HartContext.A0] = 0;
        context.pc += 4;
        t.setContext(context);
        t.inheritScheduling(creator);
        t.setSignals(creator.signals().threadCopy());
        StraceHooks.forked(creator, t);
        return t;
    }

    /** A thread {@link #thread} made, its registers set, becomes READY. */
    public void startThread(Process t) {
        k.tracer().record(TraceKind.PROCESS_CREATE, -1, t.tid(), t.pid(), 1, t.name());
        k.dispatcher().makeReady(t);
    }

    /**
     * execve for process p running on hart h: loads the program at a guest
     * path (walked from p's working directory), replacing p's image,
     * descriptors marked close-on-exec, name and /proc/self/exe, and puts
     * the new image on the hart. A {@code #!} script runs its interpreter
     * ({@link Shebang}: argv becomes interpreter, [argument], path,
     * argv[1..]; at most {@value Shebang#MAX_DEPTH} interpreters deep, then
     * ELOOP). Returns 0 when the new image is in place, or a negative errno
     * with the old image untouched (ENOENT, ENOTDIR, ELOOP... from the walk,
     * EACCES for a directory or a device, ENOEXEC for a file no format
     * accepts or a bad #! line, E2BIG for arguments too long, ENOMEM).
     */
    public long exec(Hart h, Process p, String path, List<String> argv, List<String> envp) {
        String file = path;
        List<String> args = argv;
        for (int depth = 0; ; depth++) {
            PathWalk.Result found = namespace.resolve(p, p.cwd(), file, true);
            if (!found.ok()) {
                return -found.errno();
            }
            Namespace.Content content = namespace.readAll(p, found.node());
            if (content.errno() != 0) {
                return -content.errno();
            }
            if (Shebang.isScript(content.bytes())) {
                Shebang script = Shebang.parse(content.bytes());
                if (script == null) {
                    return -Errno.ENOEXEC;
                }
                if (depth >= Shebang.MAX_DEPTH) {
                    return -Errno.ELOOP;
                }
                args = script.argv(file, args);
                file = script.interpreter();
                continue;
            }
            return load(h, p, path, found.node(), content.bytes(), args, envp);
        }
    }

    // execve's second half: the program's bytes found at node, run with args (path: what execve was given).
    private long load(Hart h, Process p, String path, Node node, byte[] bytes, List<String> args,
            List<String> envp) {
        ExecImage exec;
        try {
            exec = k.formats().parse(bytes);
        } catch (ExecFormatException e) {
            LOG.debug("{}: execve {}: {}", p, path, e.getMessage());
            return -Errno.ENOEXEC;
        }
        ProgramLoader.Loaded loaded;
        try {
            loaded = k.loader().load(p, exec, args, envp, path, randomBytes(p.pid()));
        } catch (ExecFormatException e) {
            return e.getMessage().contains("too long") ? -Errno.E2BIG : -Errno.ENOMEM;
        }
        // every other thread ends (Linux's de_thread) and p takes the pid; the old image goes first,
        // so the trace states the new resident set last (setPid)
        k.exits().killOtherThreads(p);
        p.keepMemoryCounters();
        ImageRelease.release(p, k.table(), k.exits().threadEnd());
        p.space().destroy();
        p.setImage(loaded.context(), loaded.space(), loaded.user());
        p.space().setPid(p.pid());
        p.files().closeOnExec();
        p.signals().execReset();
        p.setPlace(p.cwd(), node);
        p.rename(baseName(path), args.isEmpty() ? List.of(path) : args);
        h.mmu().setSatp(p.space().satp());
        h.setContext(p.context());
        k.tracer().record(TraceKind.NOTE, h.id(), p.pid(), 0, 0, "execve " + path);
        return 0;
    }

    // The last element of a path ("/host/bin/sh" -> "sh"); the path itself when it ends with '/'.
    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    // AT_RANDOM's 16 bytes: from the kernel seed and the pid, so runs repeat.
    private byte[] randomBytes(int pid) {
        SplittableRandom r = new SplittableRandom(k.seed() * 31 + pid);
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }
}
