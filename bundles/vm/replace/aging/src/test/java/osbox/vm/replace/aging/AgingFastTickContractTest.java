package osbox.vm.replace.aging;

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** Aging passes the contract when it ticks every few accesses with narrow counters. */
class AgingFastTickContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new AgingProvider();
    }

    /** A tick every 3 accesses, 3-bit counters. */
    @Override
    protected Map<String, String> options() {
        return Map.of(AgingProvider.BITS, "3", AgingProvider.PERIOD, String.valueOf(3 * CYCLES_PER_ACCESS));
    }
}
