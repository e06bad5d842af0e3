package osbox.testkit.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * Calls a replacement policy the way the VM mechanism does, and checks its
 * answers: it keeps the truth (which pages are resident, in load order) and
 * throws {@link ReplacementViolation} when the policy names no victim or a
 * page that is not resident. New pages go to the lowest free frame, so frame
 * ids are reused after an eviction or removal, as on the machine. Misuse by
 * the caller (the test) throws IllegalStateException.
 */
public final class CheckedReplacement {
    private final ReplacementPolicy policy;
    private final FakeReplacementContext context;
    private final TreeMap<Long, FakePage> resident = new TreeMap<>();
    private final List<FakePage> loadOrder = new ArrayList<>();
    private final List<Long> victims = new ArrayList<>();

    /** Wraps policy and attaches it with nothing resident. */
    public CheckedReplacement(ReplacementPolicy policy, FakeReplacementContext context) {
        this(policy, context, List.of());
    }

    /** Wraps policy and attaches it with these resident pages, oldest-loaded first. */
    public CheckedReplacement(ReplacementPolicy policy, FakeReplacementContext context,
            List<FakePage> residentNow) {
        this.policy = policy;
        this.context = context;
        for (FakePage p : residentNow) {
            add(p);
        }
        policy.attach(context, List.<PageView>copyOf(residentNow));
    }

    /** The wrapped policy. */
    public ReplacementPolicy policy() {
        return policy;
    }

    /** The context the policy was attached with. */
    public FakeReplacementContext context() {
        return context;
    }

    /** Resident pages, oldest-loaded first. */
    public List<FakePage> resident() {
        return List.copyOf(loadOrder);
    }

    /** How many pages are resident. */
    public int size() {
        return loadOrder.size();
    }

    /** The resident page in frame id, or null. */
    public FakePage page(long id) {
        return resident.get(id);
    }

    /** Frame ids of every victim chosen so far, in order. */
    public List<Long> victims() {
        return List.copyOf(victims);
    }

    /** Makes vpn resident in the lowest free frame now (referenced, one access) and tells the policy. */
    public FakePage load(long vpn) {
        long id = 0;
        while (resident.containsKey(id)) {
            id++;
        }
        long now = context.now();
        FakePage p = new FakePage(id, vpn).loadedAt(now).touch(now, false);
        return load(p);
    }

    /** Makes page resident as it is and tells the policy. */
    public FakePage load(FakePage page) {
        add(page);
        policy.loaded(page);
        return page;
    }

    /** An access to a resident page: time, count, reference bit (and dirty on a write), then accessed(). */
    public void access(FakePage page, boolean write) {
        requireResident(page);
        page.touch(context.now(), write);
        policy.accessed(page);
    }

    /** A read access. */
    public void access(FakePage page) {
        access(page, false);
    }

    /**
     * One reference to {@code vpn} as the mechanism serves it with
     * {@code frames} frames: a resident page is accessed (dirty on a write);
     * otherwise the policy's victim is evicted when every frame is in use,
     * and {@code vpn} is loaded (dirty on a write). Returns whether it hit.
     */
    public boolean reference(long vpn, boolean write, int frames) {
        for (FakePage page : loadOrder) {
            if (page.vpn() == vpn) {
                access(page, write);
                return true;
            }
        }
        if (loadOrder.size() >= frames) {
            evict();
        }
        FakePage loaded = load(vpn);
        if (write) {
            loaded.dirty(true);
        }
        return false;
    }

    /** The page leaves without being chosen (unmapped): removed(). */
    public void remove(FakePage page) {
        requireResident(page);
        drop(page);
        policy.removed(page);
    }

    /** Asks for a victim and checks it is resident; does not evict it. */
    public FakePage victim() {
        if (loadOrder.isEmpty()) {
            throw new IllegalStateException("victim() asked with nothing resident");
        }
        PageView v = policy.victim();
        if (v == null) {
            throw new ReplacementViolation("victim() returned null with " + loadOrder + " resident");
        }
        FakePage p = resident.get(v.id());
        if (p == null || v instanceof FakePage && v != p) {
            throw new ReplacementViolation("victim() named " + v + ", not resident; resident: " + loadOrder);
        }
        return p;
    }

    /** Asks for a victim, checks it and evicts it (no removed() call, as the SPI says). */
    public FakePage evict() {
        FakePage p = victim();
        drop(p);
        victims.add(p.id());
        return p;
    }

    /** Runs the policy's tick. */
    public void tick() {
        policy.tick();
    }

    /**
     * A use the mechanism does not see as it happens (a TLB hit on the
     * machine): the page's reference bit (and dirty on a write) is set, the
     * policy is not told; a later {@link #sample()} reports it.
     */
    public void use(FakePage page, boolean write) {
        requireResident(page);
        page.referenced(true);
        if (write) {
            page.dirty(true);
        }
    }

    /**
     * Samples the reference bits as the machine does for a policy with a
     * finite {@code accessSamplePeriod()}: every resident page, oldest loaded
     * first, that is referenced gets the time and one more access, its bit
     * cleared, and accessed() is called. Returns how many were referenced.
     */
    public int sample() {
        int n = 0;
        long now = context.now();
        for (FakePage p : List.copyOf(loadOrder)) {
            if (p.referenced()) {
                p.lastAccess(now).accesses(p.accesses() + 1).referenced(false);
                n++;
                policy.accessed(p);
            }
        }
        return n;
    }

    private void add(FakePage p) {
        if (resident.containsKey(p.id())) {
            throw new IllegalStateException("frame " + p.id() + " is already in use by " + resident.get(p.id()));
        }
        p.resident(true);
        resident.put(p.id(), p);
        loadOrder.add(p);
    }

    private void drop(FakePage p) {
        resident.remove(p.id());
        loadOrder.remove(p);
        p.resident(false);
    }

    private void requireResident(FakePage page) {
        if (resident.get(page.id()) != page) {
            throw new IllegalStateException(page + " is not resident");
        }
    }
}
