package org.example.osbox.nru;

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** The SDK's contract: the rules every osbox page-replacement policy must keep. */
class NotRecentlyUsedContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new NotRecentlyUsedProvider();
    }

    /** A short period, so the random runs tick (each access is 100 cycles). */
    @Override
    protected Map<String, String> options() {
        return Map.of(NotRecentlyUsedProvider.PERIOD, "500");
    }
}
