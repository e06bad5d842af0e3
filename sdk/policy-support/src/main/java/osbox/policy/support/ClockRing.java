package osbox.policy.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import osbox.api.vm.replace.PageView;

/**
 * The clock face: resident pages in a circular doubly linked list, in load
 * order, and the hand. A page is found by {@link PageView#id()} through a map
 * that is only looked up, never iterated, so every decision is deterministic.
 * New pages go just behind the hand (before the page it points at), which
 * makes them the last ones the hand reaches on its next sweep.
 */
public final class ClockRing {
    /** One page on the clock face. */
    public static final class Node {
        PageView page;
        Node prev;
        Node next;

        Node(PageView page) {
            this.page = page;
        }

        /** The page on this position. */
        public PageView page() {
            return page;
        }

        /** The next position clockwise. */
        public Node next() {
            return next;
        }
    }

    private final Map<Long, Node> byId = new HashMap<>();
    private Node hand;

    /** Pages on the face. */
    public int size() {
        return byId.size();
    }

    /** The node the hand points at, or null when the face is empty. */
    public Node hand() {
        return hand;
    }

    /** Moves the hand to node (which must be on the face). */
    public void hand(Node node) {
        hand = node;
    }

    /** Whether a page with this id is on the face. */
    public boolean contains(PageView page) {
        return byId.containsKey(page.id());
    }

    /** Puts the page just behind the hand; a page with the same id already there is replaced in place. */
    public void insertBehindHand(PageView page) {
        Node known = byId.get(page.id());
        if (known != null) {
            known.page = page;
            return;
        }
        Node n = new Node(page);
        byId.put(page.id(), n);
        if (hand == null) {
            n.prev = n;
            n.next = n;
            hand = n;
        } else {
            n.prev = hand.prev;
            n.next = hand;
            hand.prev.next = n;
            hand.prev = n;
        }
    }

    /** Takes the page with this id off the face (the hand moves on if it pointed at it); false if absent. */
    public boolean remove(PageView page) {
        Node n = byId.remove(page.id());
        if (n == null) {
            return false;
        }
        unlink(n);
        return true;
    }

    /** Takes node off the face; the hand moves on to the next page if it pointed at it. */
    public void removeNode(Node n) {
        byId.remove(n.page.id());
        unlink(n);
    }

    private void unlink(Node n) {
        if (n.next == n) {
            hand = null;
        } else {
            n.prev.next = n.next;
            n.next.prev = n.prev;
            if (hand == n) {
                hand = n.next;
            }
        }
        n.prev = null;
        n.next = null;
    }

    /** The pages in the order the hand will reach them, starting at the hand. */
    public List<PageView> fromHand() {
        List<PageView> out = new ArrayList<>(byId.size());
        Node n = hand;
        for (int i = 0; i < byId.size(); i++) {
            out.add(n.page);
            n = n.next;
        }
        return out;
    }
}
