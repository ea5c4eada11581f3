package io.heapscope.model.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeapTextTest {

    @Test
    void shortModuleNamesKeepWhatTellsModulesApart() {
        assertEquals("hot.js", HeapText.shortModuleName("/work/app/hot/hot.js"));
        assertEquals("main.mjs", HeapText.shortModuleName("file:///work/app/main.mjs"));
        assertEquals("node:module", HeapText.shortModuleName("node:module"));
        assertEquals("test-9.mjs", HeapText.shortModuleName("test-9.mjs"));
        assertEquals("lodash/index.js", HeapText.shortModuleName("/app/node_modules/lodash/index.js"));
        assertEquals("hot.mjs?v=3", HeapText.shortModuleName("file:///app/hot.mjs?v=3"));
        assertEquals("x.js?from=/a/b", HeapText.shortModuleName("/app/x.js?from=/a/b"));
        assertEquals("app.js", HeapText.shortModuleName("C:\\work\\app.js"));
        assertEquals("(unnamed)", HeapText.shortModuleName(""));
    }
}
