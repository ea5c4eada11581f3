package io.heapscope.model.analysis.classes;

import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plain-object names ({@code inferInterfaceDefinitions} / {@code applyInterfaceDefinitions}) on small heaps. */
class InterfaceNamesTest {

    static ClassNames names(TinyHeap heap) {
        return ClassNames.compute(heap.snapshot(), ProgressMonitor.none());
    }

    @Test
    void aNameNeedsTwoObjects() {
        TinyHeap heap = new TinyHeap();
        int a1 = heap.plainObject("a", "b");
        int a2 = heap.plainObject("a", "b");
        int lonely = heap.plainObject("c");
        ClassNames names = names(heap);
        assertEquals("{a, b}", names.className(a1));
        assertEquals("{a, b}", names.className(a2));
        assertEquals(",{a, b}", names.key(names.classOf(a1)));
        assertEquals("Object", names.className(lonely));
    }

    @Test
    void aNameNeedsOneInAThousandPlainObjects() {
        // 3,000 plain objects: a name needs 3 of them (max(2, 3000 / 1000)).
        TinyHeap heap = new TinyHeap();
        int value = heap.node("string", "v", 16);
        int[] twice = new int[2];
        int[] thrice = new int[3];
        for (int i = 0; i < 3000; i++) {
            int object = heap.node("object", "Object", 16);
            String property = i < 2 ? "y" : i < 5 ? "z" : "x";
            heap.edge(object, "property", property, value);
            if (i < 2) {
                twice[i] = object;
            } else if (i < 5) {
                thrice[i - 2] = object;
            }
        }
        ClassNames names = names(heap);
        assertEquals("Object", names.className(twice[0]));
        assertEquals("Object", names.className(twice[1]));
        assertEquals("{z}", names.className(thrice[0]));
        assertEquals(List.of("{x}", "{z}"),
                names.interfaceDefinitions().stream().map(InterfaceDefinition::name).toList());
    }

    @Test
    void protoIsSkippedAndAnEmptyListProposesNothing() {
        TinyHeap heap = new TinyHeap();
        int first = heap.plainObject("__proto__", "a");
        int second = heap.plainObject("a", "__proto__");
        int onlyProto1 = heap.plainObject("__proto__");
        int onlyProto2 = heap.plainObject("__proto__");
        ClassNames names = names(heap);
        assertEquals("{a}", names.className(first));
        assertEquals("{a}", names.className(second));
        assertEquals("Object", names.className(onlyProto1));
        assertEquals("Object", names.className(onlyProto2));
        assertEquals(List.of(new InterfaceDefinition("{a}", List.of("a"))), names.interfaceDefinitions());
    }

    @Test
    void theLargestContainedDefinitionWinsThenTheMorePopular() {
        TinyHeap heap = new TinyHeap();
        for (int i = 0; i < 3; i++) {
            heap.plainObject("a", "b");
        }
        for (int i = 0; i < 2; i++) {
            heap.plainObject("b", "c");
        }
        for (int i = 0; i < 2; i++) {
            heap.plainObject("d");
        }
        int abc = heap.plainObject("c", "b", "a");
        int bcd = heap.plainObject("d", "c", "b");
        int ad = heap.plainObject("a", "d");
        int cd = heap.plainObject("c", "d", "e");
        ClassNames names = names(heap);
        // {a, b} (3 objects) beats {b, c} (2) at two properties each.
        assertEquals("{a, b}", names.className(abc));
        // Two properties beat one.
        assertEquals("{b, c}", names.className(bcd));
        assertEquals("{d}", names.className(ad));
        assertEquals("{d}", names.className(cd));
    }

    @Test
    void equallyPopularDefinitionsKeepFirstSeenOrder() {
        TinyHeap heap = new TinyHeap();
        heap.plainObject("q", "r");
        heap.plainObject("p", "r");
        heap.plainObject("p", "r");
        heap.plainObject("q", "r");
        int both = heap.plainObject("p", "q", "r");
        ClassNames names = names(heap);
        assertEquals(List.of("{q, r}", "{p, r}"),
                names.interfaceDefinitions().stream().map(InterfaceDefinition::name).toList());
        assertEquals("{q, r}", names.className(both));
    }

    @Test
    void theMorePopularOrderNamesAPropertySet() {
        TinyHeap heap = new TinyHeap();
        heap.plainObject("b", "a");
        heap.plainObject("a", "b");
        heap.plainObject("b", "a");
        int ab = heap.plainObject("a", "b");
        ClassNames names = names(heap);
        assertEquals("{b, a}", names.className(ab));
    }

    @Test
    void namesStopGrowingPast120CharactersButKeepTheFirstProperty() {
        String p50a = "a".repeat(50);
        String p50b = "b".repeat(50);
        String p50c = "c".repeat(50);
        String p130 = "d".repeat(130);
        TinyHeap heap = new TinyHeap();
        int first = heap.plainObject(p50a, p50b, p50c);
        heap.plainObject(p50a, p50b, "y".repeat(30));
        int longOne = heap.plainObject(p130, "e");
        heap.plainObject(p130, "f");
        ClassNames names = names(heap);
        // "{" + 50 + ", " + 50 = 103 characters; another 50 or 30 would pass 120: both propose the same name.
        assertEquals("{" + p50a + ", " + p50b + "}", names.className(first));
        assertEquals("{" + p130 + "}", names.className(longOne));
    }

    @Test
    void awkwardPropertyNamesAreQuotedAsJson() {
        TinyHeap heap = new TinyHeap();
        int first = heap.plainObject("a,b", "say \"hi\"", "x");
        heap.plainObject("a,b", "say \"hi\"", "x");
        ClassNames names = names(heap);
        assertEquals("{\"a,b\", \"say \\\"hi\\\"\", x}", names.className(first));
        assertEquals("\"{}\"", PropertyNames.format("{}"));
        assertEquals("\"it's\\n\\u0001\"", PropertyNames.format("it's\n\u0001"));
        assertEquals("plain name", PropertyNames.format("plain name"));
    }

    @Test
    void aTextTheStringsHoldTwiceIsOneName() {
        TinyHeap heap = new TinyHeap();
        int first = heap.plainObject("a", "b");
        int value = heap.node("string", "v", 16);
        int second = heap.node("object", "Object", 16);
        heap.edge(second, "property", heap.duplicateString("a"), value).edge(second, "property", "b", value);
        ClassNames names = names(heap);
        // One object per list of string indexes, but two per name: DevTools counts by name.
        assertEquals("{a, b}", names.className(first));
        assertEquals("{a, b}", names.className(second));
    }

    @Test
    void givenDefinitionsNameAnotherSnapshot() {
        TinyHeap heap = new TinyHeap();
        int object = heap.plainObject("a", "b");
        ClassNames names = ClassNames.compute(heap.snapshot(),
                List.of(new InterfaceDefinition("{b}", List.of("b"))), ProgressMonitor.none());
        assertEquals("{b}", names.className(object));
    }
}
