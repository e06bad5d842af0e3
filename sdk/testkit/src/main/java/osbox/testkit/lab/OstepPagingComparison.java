package osbox.testkit.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/**
 * The comparisons with OSTEP's {@code paging-policy.py} that a policy it
 * knows (FIFO, LRU, MRU, OPT) passes in the paging lab: OSTEP's reference
 * string with three frames, its trace line for line and its JSON, and
 * random reference strings hit for hit against {@link OstepPagingModel}.
 * Subclass it in the policy's tests; its constructor gives the provider,
 * its name and what {@code paging-policy.py} printed for the reference
 * string.
 */
public abstract class OstepPagingComparison {
    /** OSTEP's reference string ({@code paging-policy.py -a}), run with {@link #FRAMES} frames. */
    public static final String REFERENCES = "1,2,3,4,1,2,5,1,2,3,4,5";
    /** The frames of the reference case ({@code paging-policy.py -C}). */
    public static final String FRAMES = "3";

    private final String name;
    private final ReplacementPolicyProvider provider;
    private final String referenceTrace;
    private final String referenceJson;

    /**
     * The comparisons for {@code provider}, chosen in the lab by {@code name}
     * ({@code paging-policy.py -p}'s name in lower case: fifo, lru, mru, opt),
     * where {@code paging-policy.py -p NAME -a REFERENCES -C 3 -c} printed
     * {@code referenceTrace} and the lab's JSON line for the same run is
     * {@code referenceJson} ({@code {"hits":H,"misses":M,"hitrate":P}} and a
     * newline).
     */
    protected OstepPagingComparison(String name, ReplacementPolicyProvider provider, String referenceTrace,
            String referenceJson) {
        this.name = name;
        this.provider = provider;
        this.referenceTrace = referenceTrace;
        this.referenceJson = referenceJson;
    }

    /** The standard output of {@code lab paging ARGS} with only this provider known, which has to succeed. */
    protected String lab(String... args) {
        return LabOutput.paging(Map.of(name, provider), args).expectSuccess();
    }

    /** The reference string's trace equals paging-policy.py's, line for line. */
    @Test
    public void traceEqualsPagingPolicyPy() {
        assertEquals(referenceTrace, lab("--policy", name, "--addresses", REFERENCES, "--frames", FRAMES));
    }

    /** The reference string as JSON. */
    @Test
    public void referenceCaseJson() {
        assertEquals(referenceJson, lab("--policy", name, "--addresses", REFERENCES, "--frames", FRAMES, "--json"));
    }

    /** On random strings, every hit and miss equals paging-policy.py's rules. */
    @Test
    public void randomStringsMatchOstepRules() {
        OstepPagingModel.checkRandomStrings(name.toUpperCase(Locale.ROOT), () -> provider.create(Map.of()), 7, 300);
    }
}
