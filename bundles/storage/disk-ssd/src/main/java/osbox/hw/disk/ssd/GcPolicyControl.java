package osbox.hw.disk.ssd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import osbox.api.policy.PolicyControl;

/**
 * The {@value #KIND} policy slot: which block the SSDs' garbage collector
 * cleans. Two policies, both in this bundle: greedy (also the built-in
 * fallback) and cost-benefit. A choice is applied to every SSD's FTL at the
 * machine's next safe point (through {@code submit}); the FTL's state (the
 * mapping, valid counts, ages) stays where it is, so the new policy simply
 * decides from the next collection on. The policies take no options.
 */
final class GcPolicyControl implements PolicyControl {
    /** The slot's kind, the service property {@link PolicyControl#KIND}. */
    static final String KIND = "ssd.gc";

    private static final List<VictimPolicy> POLICIES = List.of(VictimPolicy.COST_BENEFIT, VictimPolicy.GREEDY);
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            BUILTIN, "greedy: the block with the fewest valid pages",
            "greedy", "the block with the fewest valid pages (least to copy now)",
            "cost-benefit", "the block with the most (1-u)*age/(1+u): cold blocks are cleaned fuller (LFS)");

    private final Consumer<Runnable> safePoint;
    private final List<FlashTranslation> ftls = new CopyOnWriteArrayList<>();
    private volatile String active = BUILTIN;
    private volatile long swaps;

    /** A slot whose choices run through {@code safePoint} (the machine's submit). */
    GcPolicyControl(Consumer<Runnable> safePoint) {
        this.safePoint = safePoint;
    }

    /** An SSD's FTL joins the slot and gets the active policy. */
    void add(FlashTranslation ftl) {
        ftl.setPolicy(policy(active));
        ftls.add(ftl);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Policy> policies() {
        List<Policy> all = new ArrayList<>();
        all.add(new Policy(BUILTIN, DESCRIPTIONS.get(BUILTIN), Map.of(), active.equals(BUILTIN)));
        for (VictimPolicy p : POLICIES) {
            all.add(new Policy(p.name(), DESCRIPTIONS.get(p.name()), Map.of(), active.equals(p.name())));
        }
        return all;
    }

    @Override
    public String active() {
        return active;
    }

    @Override
    public Map<String, String> activeOptions() {
        return Map.of();
    }

    @Override
    public String waitingFor() {
        return null;
    }

    // Both policies are always here: an unknown name or any option is refused, nothing changes then.
    @Override
    public boolean use(String name, Map<String, String> options) {
        if (!name.equals(BUILTIN) && POLICIES.stream().noneMatch(p -> p.name().equals(name))) {
            throw new IllegalArgumentException("no such GC policy (known: builtin, cost-benefit, greedy)");
        }
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("the GC policies take no options, got " + options.keySet());
        }
        VictimPolicy chosen = policy(name);
        if (!name.equals(active)) {
            swaps++;
        }
        active = name;
        safePoint.accept(() -> {
            for (FlashTranslation ftl : ftls) {
                ftl.setPolicy(chosen);
            }
        });
        return true;
    }

    @Override
    public List<Ejection> ejections() {
        return List.of();
    }

    @Override
    public long swaps() {
        return swaps;
    }

    private static VictimPolicy policy(String name) {
        return name.equals("cost-benefit") ? VictimPolicy.COST_BENEFIT : VictimPolicy.GREEDY;
    }
}
