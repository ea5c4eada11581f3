package io.heapscope.model.analysis.classes;

import io.heapscope.model.progress.CancellableProgress;
import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Summary names and keys by node type, tag names, detached DOM state and constructor locations. */
class ClassNamesTest {

    /** Node ordinals of {@link #heap()}. */
    static final class Nodes {
        int global;
        int hidden;
        int code;
        int closure;
        int regexp;
        int string;
        int cons;
        int number;
        int div;
        int span;
        int fooHere;
        int fooThere;
        int fooNowhere;
        int fooHereAgain;
        int detached;
        int detachedTag;
        int weaklyHeld;
        int objectBelowDetached;
        int attached;
        int sharedChild;
        int grandChild;
    }

    static final Nodes NODES = new Nodes();

    static TinyHeap heap() {
        Nodes n = NODES;
        TinyHeap heap = new TinyHeap();
        n.global = heap.node("object", "global", 40);
        heap.edge(0, "shortcut", "global", n.global);
        n.hidden = heap.node("hidden", "system / Foo", 8);
        n.code = heap.node("code", "(code)", 8);
        n.closure = heap.node("closure", "foo", 8);
        n.regexp = heap.node("regexp", "/x/", 8);
        n.string = heap.node("string", "text", 8);
        n.cons = heap.node("concatenated string", "te", 8);
        n.number = heap.node("number", "heap number", 8);
        n.div = heap.node("native", "<div id=\"x\">", 8);
        n.span = heap.node("native", "<span>", 8);
        n.fooHere = heap.node("object", "Foo", 8);
        n.fooThere = heap.node("object", "Foo", 8);
        n.fooNowhere = heap.node("object", "Foo", 8);
        n.fooHereAgain = heap.node("object", "Foo", 8);
        heap.location(n.fooHere, 7, 10, 4).location(n.fooThere, 7, 20, 4).location(n.fooHereAgain, 7, 10, 4);
        // Detached state flows from a detached native into natives it holds (not over weak edges, not into JS).
        n.detached = heap.node("native", "Node / A", 8, 2);
        n.detachedTag = heap.node("native", "<p class=\"q\">", 8);
        n.weaklyHeld = heap.node("native", "Node / C", 8);
        n.objectBelowDetached = heap.node("object", "Bar", 8);
        n.grandChild = heap.node("native", "Node / G", 8);
        n.attached = heap.node("native", "Node / D", 8, 1);
        n.sharedChild = heap.node("native", "Node / E", 8);
        heap.edge(n.detached, "property", "tag", n.detachedTag)
                .edge(n.detached, "weak", "c", n.weaklyHeld)
                .edge(n.detached, "property", "bar", n.objectBelowDetached)
                .edge(n.detached, "property", "e", n.sharedChild)
                .edge(n.detachedTag, "element", "0", n.grandChild)
                .edge(n.attached, "property", "e", n.sharedChild);
        for (int node = 1; node < heap.nodeCount(); node++) {
            if (node != n.global) {
                heap.edge(n.global, "element", Integer.toString(node), node);
            }
        }
        return heap;
    }

    @Test
    void namesByTypeTagAndDomState() {
        ClassNames names = ClassNames.compute(heap().snapshot(), ProgressMonitor.none());
        Nodes n = NODES;
        assertEquals("(synthetic)", names.className(0));
        assertEquals("global", names.className(n.global));
        assertEquals("(system)", names.className(n.hidden));
        assertEquals("(compiled code)", names.className(n.code));
        assertEquals("Function", names.className(n.closure));
        assertEquals("RegExp", names.className(n.regexp));
        assertEquals("(string)", names.className(n.string));
        assertEquals("(concatenated string)", names.className(n.cons));
        assertEquals("(number)", names.className(n.number));
        assertEquals("<div>", names.className(n.div));
        assertEquals("<span>", names.className(n.span));
        assertEquals("Detached Node / A", names.className(n.detached));
        assertEquals("Detached <p>", names.className(n.detachedTag));
        assertEquals("Detached Node / G", names.className(n.grandChild));
        assertEquals("Node / C", names.className(n.weaklyHeld));
        assertEquals("Bar", names.className(n.objectBelowDetached));
        // Attached state propagates first and wins.
        assertEquals("Node / D", names.className(n.attached));
        assertEquals("Node / E", names.className(n.sharedChild));
        assertTrue(names.hasDetachedPrefix(n.detachedTag));
        assertFalse(names.hasDetachedPrefix(n.sharedChild));
    }

    @Test
    void objectsWithALocationAreKeyedByIt() {
        ClassNames names = ClassNames.compute(heap().snapshot(), ProgressMonitor.none());
        Nodes n = NODES;
        assertEquals("7,10,4,Foo", names.key(names.classOf(n.fooHere)));
        assertEquals("7,20,4,Foo", names.key(names.classOf(n.fooThere)));
        assertEquals(",Foo", names.key(names.classOf(n.fooNowhere)));
        assertEquals(names.classOf(n.fooHere), names.classOf(n.fooHereAgain));
        assertNotEquals(names.classOf(n.fooHere), names.classOf(n.fooThere));
        assertEquals("Foo", names.name(names.classOf(n.fooThere)));
        assertEquals(",<div>", names.key(names.classOf(n.div)));
    }

    @Test
    void reportsItsPhasesAndStopsWhenCancelled() {
        var snapshot = heap().snapshot();
        List<String> phases = new ArrayList<>();
        ProgressMonitor recording = new ProgressMonitor() {
            @Override
            public void beginPhase(String name, long totalWork) {
                phases.add(name);
            }

            @Override
            public void progress(long workDone) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        ClassNames.compute(snapshot, recording);
        assertEquals(List.of(DetachedNames.PHASE, InterfaceInference.PHASE, ClassNames.PHASE), phases);

        CancellableProgress cancelled = new CancellableProgress();
        cancelled.cancel();
        assertThrows(CancelledException.class, () -> ClassNames.compute(snapshot, cancelled));
    }
}
