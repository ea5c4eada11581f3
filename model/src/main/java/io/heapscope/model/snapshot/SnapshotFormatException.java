package io.heapscope.model.snapshot;

import java.io.IOException;

/**
 * The input is not a readable heap snapshot. The message names the problem and where it is: the section (a
 * top-level key such as {@code nodes}) and the byte offset in the uncompressed text, or the node or edge.
 */
public final class SnapshotFormatException extends IOException {
    private final String problem;
    private final String section;
    private final long byteOffset;

    /**
     * @param section    top-level section the problem is in, or {@code null}
     * @param byteOffset offset in the (uncompressed) text, or {@code -1} when the problem has no single place
     */
    public SnapshotFormatException(String problem, String section, long byteOffset) {
        super(describe(problem, section, byteOffset));
        this.problem = problem;
        this.section = section;
        this.byteOffset = byteOffset;
    }

    SnapshotFormatException(String problem, String section, long byteOffset, Throwable cause) {
        this(problem, section, byteOffset);
        initCause(cause);
    }

    private static String describe(String problem, String section, long byteOffset) {
        StringBuilder text = new StringBuilder(problem);
        if (section != null) {
            text.append(" in section \"").append(section).append('"');
        }
        if (byteOffset >= 0) {
            text.append(" at byte ").append(byteOffset);
        }
        return text.toString();
    }

    public String problem() {
        return problem;
    }

    /** The top-level section, or {@code null}. */
    public String section() {
        return section;
    }

    /** Offset in the uncompressed text, or -1. */
    public long byteOffset() {
        return byteOffset;
    }
}
