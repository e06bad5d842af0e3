package osbox.testkit.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;

/**
 * The disk lab's command line: {@code lab disk --policy NAME[,NAME...]
 * --addresses A,B,... [--seek-speed S] [--rotation-speed R] [--cylinders N
 * --head H] [--option K=V] [--json] [--svg FILE]}; see {@link #HELP}. It
 * runs OSTEP's {@code disk.py} model ({@link DiskModel}) and prints, in the
 * order served, each request's seek, rotation and transfer time and the
 * totals, which agree with {@code disk.py -c} on the same addresses and
 * speeds under its policies FIFO, SSTF and SATF. The osbox I/O schedulers
 * (noop, sstf, scan, cscan, look, clook, deadline, bfq, or a plugin's) run
 * on the same disk, or with {@code --cylinders} on the textbooks' disk of
 * cylinders, where the answer is the head's movement
 * ({@link CylinderModel}). Exit status: 0 answered, 1 an osbox policy broke
 * the SPI's rules, 2 bad arguments (or an SVG file that cannot be written).
 */
public final class DiskLab {
    /** The usage text. */
    public static final String HELP = String.join("\n",
            "usage: lab disk --policy NAME[,NAME...] --addresses A,B,... [--seek-speed S] [--rotation-speed R]",
            "                [--cylinders N [--head H]] [--option KEY=VALUE]... [--json] [--svg FILE]",
            "  OSTEP's disk.py model: 3 tracks of 12 sectors (blocks 0-11 outer, 12-23, 24-35 inner), one sector",
            "  per request; the head starts on the outer track in the middle of block 6",
            "  --policy NAME                 disk.py's FIFO, SSTF or SATF (any case), or an osbox I/O scheduler",
            "                                by its name (noop, sstf, scan, cscan, look, clook, deadline, bfq);",
            "                                a comma list runs each (one line each in --svg)",
            "  --addresses 7,30,8            the blocks (or cylinders) requested, all queued at time 0",
            "  --seek-speed S                track-width units per time unit (tracks are 40 apart; default 1)",
            "  --rotation-speed R            degrees per time unit (default 1)",
            "  --cylinders N                 the textbook disk instead: N cylinders, the cost is the head's",
            "                                movement in cylinders (osbox policies only)",
            "  --head H                      with --cylinders: the head's starting cylinder (default 0)",
            "  --option KEY=VALUE            an option of the osbox policies that take it (direction=down)",
            "  --json                        one line of JSON (several policies: {\"policies\":[...]})",
            "  --svg FILE                    draw the head's position over time, one line per policy");

    private DiskLab() {
    }

    /** Runs the lab with args and disk.py's policies only; prints to out and err; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, Map.of(), out, err);
    }

    /**
     * Runs the lab with args, the osbox policies being {@code providers} by
     * name; prints to out and err; returns the exit status.
     */
    public static int run(String[] args, Map<String, IoSchedulingPolicyProvider> providers, PrintStream out,
            PrintStream err) {
        DiskArgs a;
        List<Chosen> chosen;
        try {
            a = DiskArgs.parse(args);
            if (a.help) {
                out.println(HELP);
                return 0;
            }
            chosen = choose(a, new TreeMap<>(providers));
        } catch (IllegalArgumentException e) {
            err.println("osbox lab disk: " + e.getMessage());
            return 2;
        }
        List<DiskModel.Run> runs = new ArrayList<>();
        List<CylinderModel.Run> cylinderRuns = new ArrayList<>();
        for (Chosen c : chosen) {
            try {
                if (a.cylinders > 0) {
                    cylinderRuns.add(CylinderModel.run(c.label(), c.policy(), a.addresses, a.cylinders, a.head));
                } else if (c.policy() == null) {
                    runs.add(DiskModel.run(c.label(), blocks(a), a.seekSpeed, a.rotationSpeed));
                } else {
                    runs.add(DiskModel.run(c.label(), c.policy(), blocks(a), a.seekSpeed, a.rotationSpeed));
                }
            } catch (IllegalStateException e) {
                err.println("osbox lab disk: policy " + c.label() + " broke the rules: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                err.println("osbox lab disk: " + e.getMessage());
                return 2;
            }
        }
        if (a.svg != null) {
            String why = writeSvg(Path.of(a.svg), a.cylinders > 0 ? CylinderFormat.svg(cylinderRuns, a.cylinders)
                    : svg(runs));
            if (why != null) {
                err.println("osbox lab disk: --svg " + a.svg + ": " + why);
                return 2;
            }
        }
        if (a.cylinders > 0) {
            out.print(a.json ? CylinderFormat.json(cylinderRuns) : CylinderFormat.table(a, cylinderRuns));
        } else if (a.json) {
            out.print(runs.size() == 1 ? json(runs.get(0)) : jsonAll(runs));
        } else {
            out.print(table(a, runs));
        }
        return 0;
    }

    /** A policy to run: its label, and the osbox policy (null for one of disk.py's, named by the label). */
    private record Chosen(String label, IoSchedulingPolicy policy) {
    }

    /**
     * The policies named by --policy: an osbox policy by its exact name first,
     * else one of disk.py's in any case (so {@code sstf} is the osbox one,
     * {@code SSTF} disk.py's); each osbox policy made with the --option
     * entries it takes. Throws IllegalArgumentException for an unknown or
     * repeated name, disk.py's policy on the cylinder disk, or an option no
     * chosen policy takes.
     */
    private static List<Chosen> choose(DiskArgs a, TreeMap<String, IoSchedulingPolicyProvider> providers) {
        List<Chosen> out = new ArrayList<>();
        Set<String> taken = new TreeSet<>();
        for (String name : a.policies) {
            IoSchedulingPolicyProvider provider = providers.get(name);
            String upper = name.toUpperCase(Locale.ROOT);
            String label = provider != null ? name : upper;
            if (provider == null && !DiskModel.POLICIES.containsKey(upper)) {
                throw new IllegalArgumentException("--policy: no policy '" + name + "' (known: "
                        + String.join(", ", DiskModel.POLICIES.keySet())
                        + (providers.isEmpty() ? "" : "; osbox: " + String.join(", ", providers.keySet())) + ")");
            }
            if (!taken.add(label)) {
                throw new IllegalArgumentException("--policy: " + label + " given twice");
            }
            if (provider == null) {
                if (a.cylinders > 0) {
                    throw new IllegalArgumentException("--policy: " + label + " is disk.py's, which needs its disk;"
                            + " with --cylinders use an osbox policy"
                            + (providers.isEmpty() ? "" : " (" + String.join(", ", providers.keySet()) + ")"));
                }
                out.add(new Chosen(label, null));
                continue;
            }
            TreeMap<String, String> options = new TreeMap<>(a.options);
            options.keySet().retainAll(provider.defaults().keySet());
            StringBuilder shown = new StringBuilder(name);
            options.forEach((k, v) -> shown.append(' ').append(k).append('=').append(v));
            out.add(new Chosen(shown.toString(), SchedLab.create(name, provider, options)));
        }
        for (String key : a.options.keySet()) {
            boolean used = false;
            for (String name : a.policies) {
                IoSchedulingPolicyProvider p = providers.get(name);
                used |= p != null && p.defaults().containsKey(key);
            }
            if (!used) {
                throw new IllegalArgumentException("--option: no policy given takes '" + key + "'");
            }
        }
        return out;
    }

    /** The addresses as disk.py's blocks (DiskArgs checked them: 0 to 35). */
    private static int[] blocks(DiskArgs a) {
        int[] out = new int[a.addresses.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) a.addresses[i];
        }
        return out;
    }

    /** The picture of disk.py-model runs: tracks 0 to 2. */
    private static String svg(List<DiskModel.Run> runs) {
        List<DiskSvg.Trace> traces = new ArrayList<>();
        for (DiskModel.Run r : runs) {
            traces.add(new DiskSvg.Trace(r.policy() + " (total " + r.total() + ")", r.path()));
        }
        return DiskSvg.draw(traces, new DiskSvg.Axis("track", DiskModel.TRACKS - 1, List.of(0L, 1L, 2L)));
    }

    /** disk.py's answer lines for each run, under a line naming the policy and speeds. */
    static String table(DiskArgs a, List<DiskModel.Run> runs) {
        StringBuilder b = new StringBuilder();
        for (DiskModel.Run r : runs) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(String.format(Locale.ROOT, "policy %s, seek speed %s, rotation speed %s%n", r.policy(),
                    DiskModel.speed(a.seekSpeed), DiskModel.speed(a.rotationSpeed)));
            for (DiskModel.Served s : r.served()) {
                b.append(String.format(Locale.ROOT, "Block: %3d  Seek:%3d  Rotate:%3d  Transfer:%3d  Total:%4d%n",
                        s.block(), s.seek(), s.rotate(), s.transfer(), s.total()));
            }
            b.append(String.format(Locale.ROOT, "TOTALS      Seek:%3d  Rotate:%3d  Transfer:%3d  Total:%4d%n",
                    r.seek(), r.rotate(), r.transfer(), r.total()));
        }
        return b.toString();
    }

    /** {"requests":[{"block":B,"seek":S,"rotate":R,"transfer":T,"total":X},...],"totals":{...}} and a newline. */
    static String json(DiskModel.Run r) {
        StringBuilder b = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < r.served().size(); i++) {
            DiskModel.Served s = r.served().get(i);
            b.append(i == 0 ? "" : ",").append("{\"block\":").append(s.block())
                    .append(times(s.seek(), s.rotate(), s.transfer(), s.total())).append('}');
        }
        return b.append("],\"totals\":{").append(times(r.seek(), r.rotate(), r.transfer(), r.total()).substring(1))
                .append("}}\n").toString();
    }

    /** {"policies":[{"policy":P,"requests":[...],"totals":{...}},...]} and a newline: several runs. */
    static String jsonAll(List<DiskModel.Run> runs) {
        StringBuilder b = new StringBuilder("{\"policies\":[");
        for (int i = 0; i < runs.size(); i++) {
            String one = json(runs.get(i));
            b.append(i == 0 ? "" : ",").append("{\"policy\":").append(CylinderFormat.quote(runs.get(i).policy()))
                    .append(',').append(one, 1, one.length() - 1);
        }
        return b.append("]}\n").toString();
    }

    /** ,"seek":S,"rotate":R,"transfer":T,"total":X */
    private static String times(long seek, long rotate, long transfer, long total) {
        return ",\"seek\":" + seek + ",\"rotate\":" + rotate + ",\"transfer\":" + transfer + ",\"total\":" + total;
    }

    /** Writes the SVG document to file; the reason it could not, or null. */
    static String writeSvg(Path file, String svg) {
        try {
            Files.writeString(file, svg);
            return null;
        } catch (NoSuchFileException e) {
            return "No such file or directory";
        } catch (IOException e) {
            return e.getMessage() == null ? "cannot write" : e.getMessage();
        }
    }
}
