package ${package};

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** The SDK's contract: the rules every osbox page-replacement policy must keep. */
class SecondChanceContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new SecondChanceProvider();
    }

    /** The option that takes the most paths through victim(). */
    @Override
    protected Map<String, String> options() {
        return Map.of(SecondChanceProvider.PREFER_CLEAN, "true");
    }
}
