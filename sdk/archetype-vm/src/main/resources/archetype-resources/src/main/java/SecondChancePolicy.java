package ${package};

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * The "${policyName}" policy: second chance. The resident pages wait in a FIFO
 * queue in load order. To choose a victim the policy looks at the oldest page:
 * if its reference bit is set (it was used since it was last looked at) the
 * bit is cleared and the page goes to the back of the queue, a second chance;
 * the first page found with the bit clear is the victim.
 *
 * <p>Option {@code prefer-clean}: a dirty page (written since it was loaded;
 * evicting it costs a page-out) whose bit is clear is also passed over once
 * per search, so a clean page goes first when there is one.
 *
 * <p>A policy only decides; the kernel's VM manager does the work (page-out,
 * page-in, TLB shootdown) and calls these methods on its one simulation
 * thread. The policy sees pages only as {@link PageView}s and reads and
 * clears the hardware's bits only through the {@link ReplacementContext}.
 * Replace the body with your own rules and keep the contract tests passing.
 */
public final class SecondChancePolicy implements ReplacementPolicy {
    private final boolean preferClean;
    private final ArrayDeque<PageView> queue = new ArrayDeque<>();
    private ReplacementContext context;

    /** A second-chance policy; preferClean passes over unreferenced dirty pages once per search. */
    public SecondChancePolicy(boolean preferClean) {
        this.preferClean = preferClean;
    }

    /** Starts with the pages resident now, oldest-loaded first (as if it had seen them loaded). */
    @Override
    public void attach(ReplacementContext context, List<PageView> resident) {
        this.context = context;
        queue.addAll(resident);
    }

    /** Forgets everything: the policy was replaced or its bundle stopped. */
    @Override
    public void detach() {
        queue.clear();
        context = null;
    }

    /** A new page goes to the back of the queue. */
    @Override
    public void loaded(PageView page) {
        queue.addLast(page);
    }

    /** A page unmapped or freed with its process (pages are the same when their ids are). */
    @Override
    public void removed(PageView page) {
        queue.removeIf(p -> p.id() == page.id());
    }

    /**
     * The oldest page whose reference bit is clear, clearing bits on the way; null when nothing is resident.
     * A search takes at most three turns of the queue (one clearing bits, one passing over dirty pages,
     * one choosing); should the bits not stay cleared, the page at the front is evicted after that.
     */
    @Override
    public PageView victim() {
        int turns = 3 * queue.size();
        Set<Long> passedOver = new HashSet<>();
        for (int step = 0; step < turns; step++) {
            PageView head = queue.pollFirst();
            if (context.referenced(head)) {
                context.clearReferenced(head);
                queue.addLast(head);
            } else if (preferClean && context.dirty(head) && passedOver.add(head.id())) {
                queue.addLast(head);
            } else {
                return head;
            }
        }
        return queue.pollFirst();
    }

    /** Whether unreferenced dirty pages are passed over once per search. */
    public boolean preferClean() {
        return preferClean;
    }

    /** The resident pages in the order the next search looks at them. */
    public List<PageView> queue() {
        return List.copyOf(queue);
    }
}
