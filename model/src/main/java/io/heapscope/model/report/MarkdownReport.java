package io.heapscope.model.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as a list of Markdown blocks (headings, paragraphs, tables, nested lists, images) and the PNG bytes of
 * its images. Written as {@code report.md} with the PNGs beside it, or as one HTML file with the images inlined as
 * {@code data:} URIs ({@link ReportHtml}): one content, two forms, so they cannot disagree.
 *
 * <p>Paragraph and list text is Markdown already (code spans, {@code **bold**}); use {@link #code} and
 * {@link #text} to put heap names in it safely.
 */
public final class MarkdownReport {
    /** One block of the report. */
    sealed interface Block permits Heading, Paragraph, Table, ListLines, Image {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String markdown) implements Block {
    }

    record Table(MarkdownTable table) implements Block {
    }

    /** Lines of a Markdown list, nested by two spaces per level ({@code - a}, {@code   - b}). */
    record ListLines(List<String> lines) implements Block {
    }

    record Image(String name, String alt) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, byte[]> images = new LinkedHashMap<>();

    /** A report whose first line is {@code # title}. */
    public MarkdownReport(String title) {
        this.title = title;
        blocks.add(new Heading(1, title));
    }

    public String title() {
        return title;
    }

    /** A heading ({@code ##} for level 2), plain text: this escapes it. */
    public MarkdownReport heading(int level, String text) {
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("heading level " + level);
        }
        blocks.add(new Heading(level, text));
        return this;
    }

    /** A paragraph of Markdown (already escaped where needed). */
    public MarkdownReport paragraph(String markdown) {
        blocks.add(new Paragraph(markdown));
        return this;
    }

    public MarkdownReport table(MarkdownTable table) {
        blocks.add(new Table(table));
        return this;
    }

    /** Markdown list lines, e.g. {@link RetainerChainMarkdown#lines}; nothing for an empty list. */
    public MarkdownReport list(List<String> lines) {
        if (!lines.isEmpty()) {
            blocks.add(new ListLines(List.copyOf(lines)));
        }
        return this;
    }

    /**
     * An image: {@code name} is its file name beside {@code report.md} (unique in the report, e.g.
     * {@code statistics-1.png}), {@code png} its bytes.
     */
    public MarkdownReport image(String name, String alt, byte[] png) {
        if (images.containsKey(name)) {
            throw new IllegalArgumentException("two images named " + name);
        }
        images.put(name, png.clone());
        blocks.add(new Image(name, alt));
        return this;
    }

    List<Block> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    /** The images by name, in the order the report shows them. */
    public Map<String, byte[]> images() {
        return Collections.unmodifiableMap(images);
    }

    /** The report as Markdown, images referenced by their names (relative to the Markdown file). */
    public String markdown() {
        return markdown("");
    }

    private String markdown(String imagePrefix) {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (block instanceof Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(text(h.text())).append('\n');
            } else if (block instanceof Paragraph p) {
                out.append(p.markdown()).append('\n');
            } else if (block instanceof Table t) {
                out.append(t.table());
            } else if (block instanceof ListLines l) {
                l.lines().forEach(line -> out.append(line).append('\n'));
            } else if (block instanceof Image i) {
                out.append("![").append(text(i.alt())).append("](").append(imagePrefix).append(i.name())
                        .append(")\n");
            }
        }
        return out.toString();
    }

    /** The report as one HTML document with the images inlined: no file or network reference. */
    public String html() {
        return ReportHtml.render(this);
    }

    /**
     * Writes the report to {@code file}: Markdown with each image beside it as {@code imagePrefix + name}, or HTML
     * with the images inside. Creates the parent directory if needed.
     *
     * @return the files written, the report first
     */
    public List<Path> write(Path file, ReportFormat format, String imagePrefix) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        if (format == ReportFormat.HTML) {
            Files.writeString(file, html(), StandardCharsets.UTF_8);
            written.add(file);
            return written;
        }
        Files.writeString(file, markdown(imagePrefix), StandardCharsets.UTF_8);
        written.add(file);
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            Path png = dir.resolve(imagePrefix + image.getKey());
            Files.write(png, image.getValue());
            written.add(png);
        }
        return written;
    }

    /** Writes {@code report.md} (and its PNGs) or {@code report.html} in {@code dir}. */
    public List<Path> writeTo(Path dir, ReportFormat format) throws IOException {
        return write(dir.resolve(format.defaultFileName()), format, "");
    }

    /**
     * Inline code for any text (heap names can hold backticks): see {@link RetainerChainMarkdown}. Cells of a
     * {@link MarkdownTable} escape pipes themselves.
     */
    public static String code(String text) {
        return RetainerChainMarkdown.code(text);
    }

    /** Plain text made safe in Markdown: characters with a meaning are backslash-escaped, line breaks spaces. */
    public static String text(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 8);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '\n' || c == '\r') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
