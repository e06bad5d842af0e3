package osbox.testkit.lab;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.CheckedReplacement;
import osbox.testkit.vm.FakePage;
import osbox.testkit.vm.FakeReplacementContext;
import osbox.testkit.vm.ReplacementViolation;

/**
 * The paging lab: runs a page-replacement policy over a reference string
 * with a fixed number of frames, without booting the machine, calling it as
 * the VM mechanism does, and counts hits and misses. Its command line
 * ({@code lab paging --policy NAME --addresses 1,2,3 --frames N [--json]},
 * see {@link #HELP}) prints what OSTEP's {@code paging-policy.py -c} prints.
 *
 * <p>The mechanism, per access at position i (time: one cycle per access,
 * {@code now() == i}): first {@code tick()} for every multiple of
 * {@code tickPeriod()} up to i; then a resident page is a hit: its access
 * count and last access are updated, its reference bit set (and dirty bit on
 * a write) and {@code accessed()} is called; a miss with a free frame loads
 * the page into the lowest free frame (referenced, one access, dirty on a
 * write) and calls {@code loaded()}; a miss with every frame full asks
 * {@code victim()}, evicts it (no {@code removed()}), then loads.
 * {@code nextAccess(page)} answers the position of the page's next access in
 * the string, Long.MAX_VALUE for never again (what OPT needs).
 */
public final class PagingLab {
    /** The usage text. */
    public static final String HELP = String.join("\n",
            "usage: lab paging --policy NAME --addresses LIST --frames N [--seed S] [--json] [options]",
            "  --policy NAME           fifo, lru, opt, mru, random, clock, eclock, aging, lfu, or a plugin's",
            "  --addresses 1,2,3,...   the pages accessed, in order (OSTEP paging-policy.py -a); 3w is a write",
            "  --frames N              frames of memory (paging-policy.py -C)",
            "  --seed S                the random seed policies see (default 0)",
            "  --option KEY=VALUE      a policy option (repeatable)",
            "  --json                  print {\"hits\":H,\"misses\":M,\"hitrate\":P} only (P in percent)",
            "1 access = 1 cycle: tick() runs every tickPeriod() accesses.");

    private static final int MAX_FRAMES = 1 << 20;

    private final ReplacementPolicy policy;
    private final int frames;
    private final long seed;

    /** A lab for policy (fresh, not yet attached) with frames frames and random seed seed. */
    public PagingLab(ReplacementPolicy policy, int frames, long seed) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, got " + frames);
        }
        this.policy = policy;
        this.frames = frames;
        this.seed = seed;
    }

    /** Runs the reference string (all reads). */
    public PagingResult run(long... pages) {
        return run(pages, new boolean[pages.length]);
    }

    /**
     * Runs the reference string pages, writes[i] telling whether access i
     * writes. Throws {@link ReplacementViolation} when the policy names a
     * page that is not resident.
     */
    public PagingResult run(long[] pages, boolean[] writes) {
        if (writes.length != pages.length) {
            throw new IllegalArgumentException("one write flag per access");
        }
        int n = pages.length;
        long[] next = new long[n];
        TreeMap<Long, Integer> seen = new TreeMap<>();
        for (int i = n - 1; i >= 0; i--) {
            Integer j = seen.put(pages[i], i);
            next[i] = j == null ? Long.MAX_VALUE : j;
        }
        TreeMap<Long, FakePage> byPage = new TreeMap<>();
        TreeMap<Long, Integer> lastPosition = new TreeMap<>();
        List<Long> recency = new ArrayList<>();
        FakeReplacementContext ctx = new FakeReplacementContext(seed);
        ctx.future(p -> {
            Integer last = lastPosition.get(p.vpn());
            return last == null ? Long.MAX_VALUE : next[last];
        });
        CheckedReplacement c = new CheckedReplacement(policy, ctx);
        long period = policy.tickPeriod();
        long nextTick = period > 0 ? period : Long.MAX_VALUE;
        List<PagingStep> steps = new ArrayList<>(n);
        long hits = 0;
        long misses = 0;
        for (int i = 0; i < n; i++) {
            while (nextTick <= i) {
                ctx.now(nextTick);
                c.tick();
                nextTick = nextTick + period < nextTick ? Long.MAX_VALUE : nextTick + period;
            }
            ctx.now(i);
            long page = pages[i];
            FakePage resident = byPage.get(page);
            long victim = -1;
            if (resident != null) {
                hits++;
                lastPosition.put(page, i);
                c.access(resident, writes[i]);
            } else {
                misses++;
                if (c.size() >= frames) {
                    FakePage v = c.evict();
                    victim = v.vpn();
                    byPage.remove(victim);
                    lastPosition.remove(victim);
                    recency.remove(Long.valueOf(victim));
                }
                lastPosition.put(page, i);
                FakePage loaded = new FakePage(lowestFreeFrame(c), page).loadedAt(i).touch(i, writes[i]);
                byPage.put(page, loaded);
                c.load(loaded);
            }
            recency.remove(Long.valueOf(page));
            recency.add(page);
            List<Long> loadOrder = new ArrayList<>(c.size());
            for (FakePage p : c.resident()) {
                loadOrder.add(p.vpn());
            }
            steps.add(new PagingStep(page, writes[i], resident != null, victim, loadOrder, recency));
        }
        return new PagingResult(steps, hits, misses);
    }

    private static long lowestFreeFrame(CheckedReplacement c) {
        long id = 0;
        while (c.page(id) != null) {
            id++;
        }
        return id;
    }

    // ---- the command line ----

    /** Runs the lab with args, choosing among providers by name; prints to out and err; returns the exit status. */
    public static int run(String[] args, Map<String, ReplacementPolicyProvider> providers, PrintStream out,
            PrintStream err) {
        String name = null;
        String addresses = null;
        String framesText = null;
        long seed = 0;
        boolean json = false;
        TreeMap<String, String> options = new TreeMap<>();
        long[] pages;
        boolean[] writes;
        int frames;
        ReplacementPolicy policy;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    value = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "--help", "-h" -> {
                        out.println(HELP);
                        return 0;
                    }
                    case "--json" -> json = true;
                    case "--policy", "-p" -> name = value != null ? value : value(args, ++i, a);
                    case "--addresses", "-a" -> addresses = value != null ? value : value(args, ++i, a);
                    case "--frames", "-C" -> framesText = value != null ? value : value(args, ++i, a);
                    case "--seed", "-s" -> seed = parseLong("--seed", value != null ? value : value(args, ++i, a));
                    case "--option", "-o" -> {
                        String kv = value != null ? value : value(args, ++i, a);
                        int k = kv.indexOf('=');
                        if (k <= 0) {
                            throw new IllegalArgumentException("--option needs KEY=VALUE, got '" + kv + "'");
                        }
                        options.put(kv.substring(0, k).trim(), kv.substring(k + 1).trim());
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "' (see --help)");
                }
            }
            if (name == null) {
                throw new IllegalArgumentException("--policy NAME is required (known: " + known(providers) + ")");
            }
            if (addresses == null) {
                throw new IllegalArgumentException("--addresses LIST is required (for example 1,2,3,1)");
            }
            if (framesText == null) {
                throw new IllegalArgumentException("--frames N is required");
            }
            long f = parseLong("--frames", framesText);
            if (f < 1 || f > MAX_FRAMES) {
                throw new IllegalArgumentException("--frames must be between 1 and " + MAX_FRAMES + ", got " + f);
            }
            frames = (int) f;
            String[] parts = addresses.split(",", -1);
            pages = new long[parts.length];
            writes = new boolean[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String t = parts[i].trim();
                if (t.endsWith("w") || t.endsWith("W")) {
                    writes[i] = true;
                    t = t.substring(0, t.length() - 1);
                }
                long p = -1;
                try {
                    p = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    // reported below
                }
                if (p < 0) {
                    throw new IllegalArgumentException("--addresses: '" + parts[i].trim()
                            + "' is not a page number (a non-negative integer, w for a write)");
                }
                pages[i] = p;
            }
            ReplacementPolicyProvider provider = providers.get(name);
            if (provider == null) {
                provider = providers.get(name.toLowerCase(Locale.ROOT));
            }
            if (provider == null) {
                throw new IllegalArgumentException("unknown policy '" + name + "' (known: " + known(providers) + ")");
            }
            policy = SchedLab.create(name, provider, options);
        } catch (IllegalArgumentException e) {
            err.println("osbox lab paging: " + e.getMessage());
            return 2;
        }
        PagingResult r;
        try {
            r = new PagingLab(policy, frames, seed).run(pages, writes);
        } catch (ReplacementViolation | RuntimeException e) {
            err.println("osbox lab paging: policy " + name + " broke the rules: " + e.getMessage());
            return 1;
        }
        out.print(json ? json(r) : trace(r, name.toLowerCase(Locale.ROOT)));
        return 0;
    }

    /** {"hits":H,"misses":M,"hitrate":P} and a newline, P in percent with two decimals. */
    public static String json(PagingResult r) {
        return "{\"hits\":" + r.hits() + ",\"misses\":" + r.misses() + ",\"hitrate\":" + two(r.hitRate()) + "}\n";
    }

    /**
     * The trace as paging-policy.py -c prints it: one line per access, memory
     * in recency order for lru and mru (LRU -> ... <- MRU), in load order
     * otherwise (FirstIn -> ... <- Lastin for fifo, Left -> ... <- Right),
     * then the final stats.
     */
    public static String trace(PagingResult r, String policy) {
        boolean recency = policy.equals("lru") || policy.equals("mru");
        String left = recency ? "LRU" : policy.equals("fifo") ? "FirstIn" : "Left ";
        String right = recency ? "MRU" : policy.equals("fifo") ? "Lastin " : "Right";
        StringBuilder sb = new StringBuilder();
        long hits = 0;
        long misses = 0;
        for (PagingStep s : r.steps()) {
            if (s.hit()) {
                hits++;
            } else {
                misses++;
            }
            List<Long> memory = recency ? s.recencyOrder() : s.loadOrder();
            sb.append(String.format(Locale.ROOT, "Access: %d%s %s %s -> %12s <- %s Replaced:%s [Hits:%d Misses:%d]%n",
                    s.page(), s.write() ? "w" : " ", s.hit() ? "HIT " : "MISS", left, memory, right,
                    s.victim() < 0 ? "-" : Long.toString(s.victim()), hits, misses));
        }
        sb.append(String.format(Locale.ROOT, "%nFINALSTATS hits %d   misses %d   hitrate %s%n", r.hits(), r.misses(),
                two(r.hitRate())));
        return sb.toString();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long parseLong(String option, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, got '" + text + "'");
        }
    }

    private static String known(Map<String, ReplacementPolicyProvider> providers) {
        return String.join(", ", new TreeMap<>(providers).keySet());
    }

    /** Two decimals, always a dot. */
    static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public String toString() {
        return "PagingLab[" + frames + " frames, seed " + seed + ", " + policy + "]";
    }

}
