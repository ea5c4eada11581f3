package io.heapscope.model.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MarkdownTableTest {

    @Test
    void numberColumnsAreRightAlignedAndEveryColumnIsPadded() {
        MarkdownTable table = new MarkdownTable().column("Constructor").numberColumn("Count")
                .row("Invoice", "1,000").row("(number)", "4");
        assertEquals("""
                | Constructor | Count |
                | ----------- | ----: |
                | Invoice     | 1,000 |
                | (number)    |     4 |
                """, table.toString());
        assertEquals(2, table.rowCount());
    }

    @Test
    void pipesAndLineBreaksInCellsAreEscapedSoTheTableHoldsTogether() {
        MarkdownTable table = MarkdownTable.withColumns("a|b").row("x|y\nz\r\nw");
        assertEquals("a\\|b", table.toString().lines().findFirst().orElseThrow().replace("| ", "").replace(" |", "")
                .strip());
        assertEquals("x\\|y<br>z<br>w", table.cells(0).get(0));
        assertEquals(3, table.toString().lines().count());
    }

    @Test
    void aRowNeedsOneCellPerColumnAndNullIsEmpty() {
        MarkdownTable table = MarkdownTable.withColumns("a", "b");
        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
        table.row("x", null);
        assertEquals("", table.cells(0).get(1));
        assertThrows(IllegalStateException.class, () -> table.column("late"));
    }

    @Test
    void wideCharactersCountOnceWhenPadding() {
        String text = MarkdownTable.withColumns("name").row("hot.js × 20").toString();
        assertEquals("| hot.js × 20 |", text.lines().skip(2).findFirst().orElseThrow());
    }
}
