package osbox.workload;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import osbox.api.sched.TaskAttributes;

/** Reads workload files: SnakeYAML's safe constructor (plain maps, lists and scalars only), then checks every field. */
final class WorkloadParser {
    static final Set<String> TOP = Set.of("name", "description", "machine", "scheduler", "swaps", "processes",
            "io-sched");
    static final Set<String> MACHINE = Set.of("harts", "quantum", "memory", "trace-capacity", "disks");
    static final Set<String> DISK = Set.of("name", "size", "model", "image");
    static final Set<String> SCHEDULER = Set.of("policy", "options");
    static final Set<String> SWAP = Set.of("at", "policy", "options");
    static final Set<String> PROCESS = Set.of("name", "program", "args", "arrival", "nice", "priority", "tickets",
            "length-hint", "burst-hint", "count", "every");
    static final int MAX_PROCESSES = 4096;
    private static final int MAX_BYTES = 1 << 20;
    private static final int MAX_PROGRAM_BYTES = 64 << 20;

    private final String file;
    private final Path dir;
    private final long hz;
    private final Map<Path, byte[]> images = new TreeMap<>();

    private WorkloadParser(Path file, long hz) {
        this.file = file.toString();
        Path parent = file.toAbsolutePath().normalize().getParent();
        this.dir = parent == null ? Path.of("").toAbsolutePath() : parent;
        this.hz = hz;
    }

    static Workload load(Path file, long hz) throws WorkloadException {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new WorkloadException(file + ": is a directory, not a workload file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new WorkloadException(file + ": too large for a workload file (over 1 MiB)");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new WorkloadException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new WorkloadException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new WorkloadException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file, hz);
    }

    static Workload parse(String yaml, Path file, long hz) throws WorkloadException {
        if (hz <= 0) {
            throw new IllegalArgumentException("frequency must be positive: " + hz);
        }
        return new WorkloadParser(file, hz).workload(yaml, file);
    }

    private Workload workload(String yaml, Path path) throws WorkloadException {
        Object root = yaml(yaml);
        if (root == null) {
            throw error("", "empty workload (expected a mapping with 'processes')");
        }
        Map<String, Object> top = map(root, "");
        keys(top, TOP, "");
        String fileName = path.getFileName() == null ? "workload" : path.getFileName().toString();
        String name = top.containsKey("name") ? text(top.get("name"), "name")
                : fileName.replaceFirst("\\.(yaml|yml)$", "");
        String description = top.containsKey("description") ? text(top.get("description"), "description") : "";
        Workload.Settings settings = top.containsKey("machine") ? settings(top.get("machine"))
                : Workload.Settings.NONE;
        Workload.Scheduler scheduler = top.containsKey("scheduler") ? scheduler(top.get("scheduler"), "scheduler")
                : null;
        Workload.Scheduler ioScheduler = top.containsKey("io-sched") ? scheduler(top.get("io-sched"), "io-sched")
                : null;
        List<Workload.Swap> swaps = new ArrayList<>();
        if (top.containsKey("swaps") && top.get("swaps") != null) {
            List<Object> list = list(top.get("swaps"), "swaps");
            for (int i = 0; i < list.size(); i++) {
                swaps.add(swap(list.get(i), "swaps[" + i + "]"));
            }
        }
        if (!top.containsKey("processes")) {
            throw error("processes", "missing (a list of processes to run)");
        }
        List<Object> list = list(top.get("processes"), "processes");
        if (list.isEmpty()) {
            throw error("processes", "empty (at least one process)");
        }
        List<Workload.ProcessSpec> processes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            processes(list.get(i), "processes[" + i + "]", processes);
        }
        return new Workload(name, description, path, hz, settings, scheduler, swaps, processes, ioScheduler);
    }

    private Object yaml(String text) throws WorkloadException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(32);
        options.setCodePointLimit(MAX_BYTES);
        DumperOptions dump = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dump), dump, options);
        try {
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new WorkloadException(file + where + ": YAML error: " + problem);
        } catch (YAMLException e) {
            throw new WorkloadException(file + ": YAML error: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new WorkloadException(file + ": YAML error: " + e);
        }
    }

    private Workload.Settings settings(Object o) throws WorkloadException {
        if (o == null) {
            return Workload.Settings.NONE;
        }
        Map<String, Object> m = map(o, "machine");
        keys(m, MACHINE, "machine");
        int harts = m.containsKey("harts") ? (int) integer(m.get("harts"), "machine.harts", 1, 64) : 0;
        long quantum = m.containsKey("quantum") ? time(m.get("quantum"), "machine.quantum") : 0;
        if (m.containsKey("quantum") && quantum < 1) {
            throw error("machine.quantum", "must be at least 1 cycle");
        }
        long memory = m.containsKey("memory") ? integer(m.get("memory"), "machine.memory", 1, 1 << 16) : 0;
        int trace = m.containsKey("trace-capacity")
                ? (int) integer(m.get("trace-capacity"), "machine.trace-capacity", 1000, 100_000_000) : 0;
        List<Workload.Disk> disks = new ArrayList<>();
        if (m.get("disks") != null) {
            List<Object> list = list(m.get("disks"), "machine.disks");
            if (list.size() > osbox.api.hw.DiskSpec.MAX_DISKS) {
                throw error("machine.disks", "too many disks (at most " + osbox.api.hw.DiskSpec.MAX_DISKS
                        + ", vda to vdz)");
            }
            for (int i = 0; i < list.size(); i++) {
                disks.add(disk(list.get(i), i, "machine.disks[" + i + "]"));
            }
        }
        return new Workload.Settings(harts, quantum, memory, trace, disks);
    }

    // One disk: vda, vdb... in order (as --disk names them), a size (K, M, G) unless an image gives it, a model.
    private Workload.Disk disk(Object o, int index, String field) throws WorkloadException {
        Map<String, Object> m = map(o, field);
        keys(m, DISK, field);
        String expected = osbox.api.hw.DiskSpec.deviceName(index);
        String name = m.containsKey("name") ? text(m.get("name"), field + ".name") : expected;
        if (!name.equals(expected)) {
            throw error(field + ".name", "'" + name + "': disk " + (index + 1) + " is " + expected
                    + " (disks are named vda, vdb, ... in order)");
        }
        String model = m.containsKey("model") ? text(m.get("model"), field + ".model") : osbox.api.hw.DiskSpec.HDD;
        if (!osbox.api.hw.DiskSpec.MODELS.contains(model)) {
            throw error(field + ".model", "no such model '" + model + "' (known: hdd, ssd)");
        }
        Path image = null;
        if (m.get("image") != null) {
            String given = text(m.get("image"), field + ".image");
            try {
                image = dir.resolve(given).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw error(field + ".image", "not a file name: " + e.getReason());
            }
            String why = osbox.api.hw.DiskSpec.whyNotUsable(image, false);
            if (why != null) {
                throw error(field + ".image", given + ": " + why + " (images are relative to the workload file's"
                        + " directory)");
            }
        }
        long bytes;
        if (m.get("size") != null) {
            if (image != null) {
                throw error(field + ".size", "a disk with an image has the image's size (give one or the other)");
            }
            String size = text(m.get("size"), field + ".size");
            try {
                bytes = new osbox.api.hw.DiskSpec(osbox.api.hw.DiskSpec.MEMORY + size, model, false).memoryBytes();
            } catch (IllegalArgumentException e) {
                throw error(field + ".size", "'" + size + "': " + e.getMessage().replace("memory disk size: ", ""));
            }
        } else if (image != null) {
            try {
                bytes = Files.size(image);
            } catch (IOException e) {
                throw error(field + ".image", "cannot read: " + e.getMessage());
            }
        } else {
            throw error(field, "needs a size (a disk in memory, e.g. size: 16M) or an image");
        }
        return new Workload.Disk(name, bytes, model, image);
    }

    private Workload.Scheduler scheduler(Object o, String field) throws WorkloadException {
        if (o instanceof String s) {
            return new Workload.Scheduler(policyName(s, field), Map.of());
        }
        Map<String, Object> m = map(o, field);
        keys(m, SCHEDULER, field);
        return schedulerOf(m, field);
    }

    private Workload.Scheduler schedulerOf(Map<String, Object> m, String field) throws WorkloadException {
        if (!m.containsKey("policy")) {
            throw error(field + ".policy", "missing (a policy name such as " + (field.startsWith("io-sched")
                    ? "noop, sstf, deadline, bfq)" : "fifo, rr, mlfq, cfs)"));
        }
        String policy = policyName(text(m.get("policy"), field + ".policy"), field + ".policy");
        Map<String, String> options = new LinkedHashMap<>();
        if (m.get("options") != null) {
            Map<String, Object> opts = map(m.get("options"), field + ".options");
            for (Map.Entry<String, Object> e : opts.entrySet()) {
                options.put(e.getKey(), optionValue(e.getValue(), field + ".options." + e.getKey()));
            }
        }
        return new Workload.Scheduler(policy, options);
    }

    private String policyName(String s, String field) throws WorkloadException {
        if (!s.matches("[A-Za-z0-9_.-]+")) {
            throw error(field, "'" + s + "' is not a policy name");
        }
        return s;
    }

    private String optionValue(Object v, String field) throws WorkloadException {
        if (v instanceof String s) {
            if (Times.hasUnit(s)) {
                return Long.toString(time(s, field));
            }
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        throw error(field, "must be a single value, not " + kind(v));
    }

    private Workload.Swap swap(Object o, String field) throws WorkloadException {
        Map<String, Object> m = map(o, field);
        keys(m, SWAP, field);
        if (!m.containsKey("at")) {
            throw error(field + ".at", "missing (when to swap, from the start of the run)");
        }
        long at = time(m.get("at"), field + ".at");
        return new Workload.Swap(at, schedulerOf(m, field));
    }

    private void processes(Object o, String field, List<Workload.ProcessSpec> out) throws WorkloadException {
        Map<String, Object> m = map(o, field);
        keys(m, PROCESS, field);
        if (!m.containsKey("program")) {
            throw error(field + ".program", "missing (an ELF file, relative to the workload file)");
        }
        String path = text(m.get("program"), field + ".program");
        if (path.isEmpty()) {
            throw error(field + ".program", "empty");
        }
        Path program;
        try {
            program = dir.resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            // a NUL, for one: no file can have that name
            throw error(field + ".program", "not a file name: " + e.getReason());
        }
        byte[] image = image(program, path, field + ".program");
        List<String> args = new ArrayList<>();
        Object a = m.get("args");
        if (a instanceof String s) {
            for (String w : s.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    args.add(w);
                }
            }
        } else if (a != null) {
            List<Object> l = list(a, field + ".args");
            for (int i = 0; i < l.size(); i++) {
                Object v = l.get(i);
                if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    args.add(v.toString());
                } else {
                    throw error(field + ".args[" + i + "]", "must be a single value, not " + kind(v));
                }
            }
        }
        long arrival = m.containsKey("arrival") ? time(m.get("arrival"), field + ".arrival") : 0;
        int nice = m.containsKey("nice") ? (int) integer(m.get("nice"), field + ".nice", -20, 19) : 0;
        int priority = m.containsKey("priority") ? (int) integer(m.get("priority"), field + ".priority", 0, 139) : 0;
        int tickets = m.containsKey("tickets")
                ? (int) integer(m.get("tickets"), field + ".tickets", 1, 1_000_000_000) : 100;
        long length = m.containsKey("length-hint") ? time(m.get("length-hint"), field + ".length-hint") : -1;
        long burst = m.containsKey("burst-hint") ? time(m.get("burst-hint"), field + ".burst-hint") : -1;
        int count = m.containsKey("count") ? (int) integer(m.get("count"), field + ".count", 1, MAX_PROCESSES) : 1;
        long every = m.containsKey("every") ? time(m.get("every"), field + ".every") : 0;
        String label;
        if (m.containsKey("name")) {
            label = text(m.get("name"), field + ".name");
            if (label.isEmpty() || label.length() > 64 || label.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw error(field + ".name", "must be 1 to 64 printable characters");
            }
        } else {
            String f = program.getFileName().toString();
            label = f.endsWith(".elf") && f.length() > 4 ? f.substring(0, f.length() - 4) : f;
        }
        if (out.size() + count > MAX_PROCESSES) {
            throw error(field + ".count", "too many processes (at most " + MAX_PROCESSES + " in a workload)");
        }
        TaskAttributes attributes = new TaskAttributes(nice, priority, tickets, length, burst);
        for (int k = 0; k < count; k++) {
            long at = arrival + k * every;
            if (at < 0 || at > (1L << 62)) {
                throw error(field + ".every", "arrivals too late");
            }
            out.add(new Workload.ProcessSpec(count > 1 ? label + "#" + (k + 1) : label, program, path, image, args,
                    at, attributes));
        }
    }

    private byte[] image(Path program, String path, String field) throws WorkloadException {
        byte[] cached = images.get(program);
        if (cached != null) {
            return cached;
        }
        if (!Files.exists(program)) {
            throw error(field, "no such file: " + path + " (programs are relative to the workload file's directory)");
        }
        if (!Files.isRegularFile(program)) {
            throw error(field, path + " is not a regular file");
        }
        byte[] bytes;
        try {
            if (Files.size(program) > MAX_PROGRAM_BYTES) {
                throw error(field, path + " is too large (over 64 MiB)");
            }
            bytes = Files.readAllBytes(program);
        } catch (IOException e) {
            throw error(field, "cannot read " + path + ": " + e.getMessage());
        }
        if (!ElfIdentity.isElf(bytes)) {
            throw error(field, path + " is not an ELF file");
        }
        String notRunnable = ElfIdentity.whyNotRiscV64(bytes);
        if (notRunnable != null) {
            throw error(field, path + ": " + notRunnable);
        }
        images.put(program, bytes);
        return bytes;
    }

    // ---- typed access, each failure naming the field ----

    private WorkloadException error(String field, String problem) {
        return new WorkloadException(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object o, String field) throws WorkloadException {
        if (!(o instanceof Map<?, ?> m)) {
            throw error(field, "must be a mapping (key: value), not " + kind(o));
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                throw error(field, "key " + k + " must be a name");
            }
        }
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o, String field) throws WorkloadException {
        if (!(o instanceof List<?> l)) {
            throw error(field, "must be a list, not " + kind(o));
        }
        return (List<Object>) l;
    }

    private void keys(Map<String, Object> m, Set<String> allowed, String field) throws WorkloadException {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                String at = field.isEmpty() ? k : field + "." + k;
                throw error(at, "unknown key (expected one of " + String.join(", ", new java.util.TreeSet<>(allowed))
                        + ")");
            }
        }
    }

    private String text(Object o, String field) throws WorkloadException {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof Number || o instanceof Boolean) {
            return o.toString();
        }
        throw error(field, "must be text, not " + kind(o));
    }

    private long integer(Object o, String field, long min, long max) throws WorkloadException {
        long v;
        if (o instanceof Integer || o instanceof Long) {
            v = ((Number) o).longValue();
        } else if (o instanceof BigInteger) {
            throw error(field, o + " is out of range (" + min + ".." + max + ")");
        } else if (o instanceof String s && s.trim().matches("[+-]?[0-9]+")) {
            try {
                v = Long.parseLong(s.trim().replace("+", ""));
            } catch (NumberFormatException e) {
                throw error(field, "'" + s + "' is out of range (" + min + ".." + max + ")");
            }
        } else {
            throw error(field, (o instanceof String s ? "'" + s + "'" : o == null ? "nothing" : o.toString())
                    + " is not a whole number");
        }
        if (v < min || v > max) {
            throw error(field, v + " is out of range (" + min + ".." + max + ")");
        }
        return v;
    }

    private long time(Object o, String field) throws WorkloadException {
        if (o instanceof Integer || o instanceof Long) {
            long v = ((Number) o).longValue();
            if (v < 0) {
                throw error(field, v + " is negative (times are cycles or a number with ns, us, ms or s)");
            }
            return v;
        }
        if (o instanceof String || o instanceof BigInteger || o instanceof Double) {
            String s = o instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                    ? new java.math.BigDecimal(d).toPlainString() : o.toString();
            try {
                return Times.parse(s, hz);
            } catch (IllegalArgumentException e) {
                throw error(field, e.getMessage());
            }
        }
        throw error(field, (o == null ? "nothing" : kind(o)) + " is not a time (cycles, or a number with ns, us, ms or s)");
    }

    private static String kind(Object o) {
        if (o == null) {
            return "nothing";
        }
        if (o instanceof Map) {
            return "a mapping";
        }
        if (o instanceof List) {
            return "a list";
        }
        if (o instanceof String s) {
            return "'" + s + "'";
        }
        return o.toString();
    }
}
