package osbox.block.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoSchedulingContext;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;

/** A test policy: always the lowest sector; it records every call it gets ("add 12", "remove 7", "attach 3"). */
class LowestSectorFirst implements IoSchedulingPolicy {
    final TreeSet<BlockRequest> queue = new TreeSet<>(
            Comparator.comparingLong(BlockRequest::sector).thenComparingLong(BlockRequest::id));
    final List<String> calls = new ArrayList<>();
    boolean detached;

    @Override
    public void attach(IoSchedulingContext context, List<BlockRequest> queued) {
        calls.add("attach " + queued.size());
        queue.addAll(queued);
    }

    @Override
    public void detach() {
        detached = true;
    }

    @Override
    public void add(BlockRequest request) {
        calls.add("add " + request.sector() + "+" + request.count());
        queue.add(request);
    }

    @Override
    public void remove(BlockRequest request) {
        calls.add("remove " + request.sector() + "+" + request.count());
        queue.remove(request);
    }

    @Override
    public BlockRequest dispatch(long head, long now) {
        return queue.pollFirst();
    }

    /** A provider of instances made by {@code factory}. */
    static IoSchedulingPolicyProvider provider(java.util.function.Supplier<IoSchedulingPolicy> factory) {
        return new IoSchedulingPolicyProvider() {
            @Override
            public String describe() {
                return "test policy";
            }

            @Override
            public Map<String, String> defaults() {
                return Map.of();
            }

            @Override
            public IoSchedulingPolicy create(Map<String, String> options) {
                if (!options.isEmpty()) {
                    throw new IllegalArgumentException("no options");
                }
                return factory.get();
            }
        };
    }
}
