package osbox.policy.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import osbox.api.vm.replace.PageView;

/**
 * Resident pages in an order the policy keeps (load order or recency): a
 * doubly linked list with an index by page id, so adding at the end, moving
 * to the end, removing anywhere and taking either end are O(1). The index is
 * only looked up, never iterated, so the order never depends on hashing.
 */
public final class PageList {
    private static final class Node {
        final PageView page;
        Node prev;
        Node next;

        Node(PageView page) {
            this.page = page;
        }
    }

    private final Map<Long, Node> index = new HashMap<>();
    private Node head;
    private Node tail;

    /** Appends page (it must not be in the list). */
    public void addLast(PageView page) {
        Node n = new Node(page);
        if (index.putIfAbsent(page.id(), n) != null) {
            throw new IllegalStateException("page " + page.id() + " is already resident");
        }
        link(n);
    }

    /** Moves page to the end; false when it is not in the list. */
    public boolean moveToEnd(PageView page) {
        Node n = index.get(page.id());
        if (n == null) {
            return false;
        }
        if (n != tail) {
            unlink(n);
            link(n);
        }
        return true;
    }

    /** Removes page; false when it is not in the list. */
    public boolean remove(PageView page) {
        Node n = index.remove(page.id());
        if (n == null) {
            return false;
        }
        unlink(n);
        return true;
    }

    /** Removes and returns the first page, or null. */
    public PageView pollFirst() {
        return head == null ? null : take(head);
    }

    /** Removes and returns the last page, or null. */
    public PageView pollLast() {
        return tail == null ? null : take(tail);
    }

    /** How many pages. */
    public int size() {
        return index.size();
    }

    /** The pages in order, first to last. */
    public List<PageView> toList() {
        List<PageView> out = new ArrayList<>(index.size());
        for (Node n = head; n != null; n = n.next) {
            out.add(n.page);
        }
        return out;
    }

    private PageView take(Node n) {
        index.remove(n.page.id());
        unlink(n);
        return n.page;
    }

    private void link(Node n) {
        n.prev = tail;
        n.next = null;
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
    }

    private void unlink(Node n) {
        if (n.prev == null) {
            head = n.next;
        } else {
            n.prev.next = n.next;
        }
        if (n.next == null) {
            tail = n.prev;
        } else {
            n.next.prev = n.prev;
        }
        n.prev = null;
        n.next = null;
    }
}
