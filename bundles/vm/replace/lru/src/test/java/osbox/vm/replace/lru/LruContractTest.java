package osbox.vm.replace.lru;

import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** Lru passes the replacement-policy contract. */
class LruContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new LruProvider();
    }
}
