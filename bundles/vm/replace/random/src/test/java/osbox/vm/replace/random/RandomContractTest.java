package osbox.vm.replace.random;

import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** Random passes the replacement-policy contract. */
class RandomContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new RandomProvider();
    }
}
