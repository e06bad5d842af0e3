package osbox.vm.replace.lfu;

import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** LFU passes the page-replacement policy contract. */
class LfuContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new LfuProvider();
    }
}
