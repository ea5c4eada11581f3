package io.heapscope.model.snapshot;

import java.io.IOException;
import java.util.List;

/**
 * Reads {@code trace_tree}, V8's allocation call tree, into a flat pre-order table. Each node is written as its
 * fields with a nested array in the {@code children} slot; the nesting is as deep as the deepest allocation stack,
 * so this walks it with an explicit stack, never by recursion. In the result the {@code children} column holds the
 * row of the node's parent (-1 for top-level nodes).
 */
final class TraceTreeReader {
    private final ByteInput in;
    private final JsonText json;

    TraceTreeReader(ByteInput in, JsonText json) {
        this.in = in;
        this.json = json;
    }

    FieldTable read(List<String> fields) throws IOException {
        int width = fields.size();
        int childrenAt = fields.indexOf("children");
        if (childrenAt < 0) {
            // Without a children field we cannot tell the structure; keep nothing rather than guess.
            json.skipValue();
            return FieldTable.empty();
        }
        IntArrayBuilder rows = new IntArrayBuilder(1024);
        IntArrayBuilder parents = new IntArrayBuilder(64);
        in.expect('[', "to start the trace tree");
        if (in.peekNonSpace() == ']') {
            in.pos++;
            return new FieldTable(fields, rows.toArray());
        }
        int parent = -1;
        int row = -1;
        int field = 0;
        while (true) {
            // One element at position `field` of the current node.
            if (field == childrenAt) {
                in.expect('[', "to start the children of trace node " + row);
                if (in.peekNonSpace() == ']') {
                    in.pos++;
                    field++;
                } else {
                    parents.add(parent);
                    parent = row;
                    field = 0;
                    continue;
                }
            } else {
                if (field == 0) {
                    row = rows.size() / width;
                    for (int k = 0; k < width; k++) {
                        rows.add(0);
                    }
                    rows.set(row * width + childrenAt, parent);
                }
                rows.set(row * width + field, (int) readUnsigned());
                field++;
            }
            // Separators; closing brackets return to the parent's array.
            while (true) {
                if (field == width) {
                    field = 0;
                }
                int c = in.peekNonSpace();
                if (c == ',') {
                    in.pos++;
                    break;
                }
                if (c != ']') {
                    throw in.unexpected(c, "expected ',' or ']' in the trace tree");
                }
                in.pos++;
                if (field != 0) {
                    throw in.error("a trace node ends after " + field + " of its " + width + " fields");
                }
                if (parent < 0 && parents.size() == 0) {
                    return new FieldTable(fields, rows.toArray());
                }
                row = parent;
                parent = parents.removeLast();
                field = childrenAt + 1;
            }
        }
    }

    private long readUnsigned() throws IOException {
        long value = 0;
        int digits = 0;
        int c = in.peekNonSpace();
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            if (++digits > 10 || value > 0xFFFF_FFFFL) {
                throw in.error("number too large for an unsigned 32-bit value");
            }
            in.pos++;
            c = in.peek();
        }
        if (digits == 0) {
            throw in.unexpected(c, "expected a number in the trace tree");
        }
        return value;
    }
}
