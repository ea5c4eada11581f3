package io.heapscope.model.report;

import io.heapscope.model.report.MarkdownReport.Block;
import io.heapscope.model.report.MarkdownReport.Heading;
import io.heapscope.model.report.MarkdownReport.Image;
import io.heapscope.model.report.MarkdownReport.ListLines;
import io.heapscope.model.report.MarkdownReport.Paragraph;
import io.heapscope.model.report.MarkdownReport.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A {@link MarkdownReport} as one self-contained HTML document: the stylesheet ({@code report.css}) in a
 * {@code <style>} element and every image a {@code data:image/png;base64} URI, so the file can be mailed or
 * attached and opens anywhere with nothing else. Renders the Markdown this package writes (code spans,
 * {@code **bold**}, backslash escapes, {@code <br>} in cells), not Markdown at large.
 */
final class ReportHtml {
    private ReportHtml() {
    }

    static String render(MarkdownReport report) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(report.title())).append("</title>\n<style>\n").append(stylesheet())
                .append("</style>\n</head>\n<body>\n<main>\n");
        for (Block block : report.blocks()) {
            if (block instanceof Heading h) {
                out.append("<h").append(h.level()).append('>').append(escape(h.text())).append("</h")
                        .append(h.level()).append(">\n");
            } else if (block instanceof Paragraph p) {
                out.append("<p>").append(inline(p.markdown())).append("</p>\n");
            } else if (block instanceof Table t) {
                table(out, t.table());
            } else if (block instanceof ListLines l) {
                list(out, l.lines());
            } else if (block instanceof Image i) {
                out.append("<figure><img alt=\"").append(escape(i.alt())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(report.images().get(i.name())))
                        .append("\"></figure>\n");
            }
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void table(StringBuilder out, MarkdownTable table) {
        out.append("<table>\n<thead><tr>");
        for (int c = 0; c < table.columnCount(); c++) {
            out.append(cellTag("th", table.isNumberColumn(c))).append(inline(table.header(c))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < table.rowCount(); r++) {
            out.append("<tr>");
            List<String> cells = table.cells(r);
            for (int c = 0; c < cells.size(); c++) {
                out.append(cellTag("td", table.isNumberColumn(c))).append(inline(cells.get(c))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static String cellTag(String tag, boolean number) {
        return number ? "<" + tag + " class=\"num\">" : "<" + tag + ">";
    }

    /** Nested {@code - } lines, two spaces per level, as nested lists. */
    private static void list(StringBuilder out, List<String> lines) {
        int open = 0;
        for (String line : lines) {
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            int level = indent / 2 + 1;
            String text = line.substring(indent).startsWith("- ") ? line.substring(indent + 2) : line.substring(indent);
            if (level > open) {
                while (open < level) {
                    out.append(open == 0 ? "<ul class=\"chain\">\n" : "\n<ul>\n");
                    open++;
                }
            } else {
                out.append("</li>\n");
                while (open > level) {
                    out.append("</ul>\n</li>\n");
                    open--;
                }
            }
            out.append("<li>").append(inline(text));
        }
        if (open > 0) {
            out.append("</li>\n");
            while (open > 1) {
                out.append("</ul>\n</li>\n");
                open--;
            }
            out.append("</ul>\n");
        }
    }

    /** Code spans, {@code **bold**}, backslash escapes and {@code <br>}; everything else as text. */
    static String inline(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length() + 16);
        boolean bold = false;
        int i = 0;
        while (i < markdown.length()) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length() && isPunctuation(markdown.charAt(i + 1))) {
                out.append(escape(String.valueOf(markdown.charAt(i + 1))));
                i += 2;
            } else if (c == '`') {
                int run = 0;
                while (i + run < markdown.length() && markdown.charAt(i + run) == '`') {
                    run++;
                }
                String fence = "`".repeat(run);
                int close = closingFence(markdown, i + run, fence);
                if (close < 0) {
                    out.append(fence);
                    i += run;
                    continue;
                }
                String code = markdown.substring(i + run, close);
                if (code.length() > 1 && code.startsWith(" ") && code.endsWith(" ")) {
                    code = code.substring(1, code.length() - 1);
                }
                // A table cell escapes pipes even inside code; GitHub shows them unescaped.
                out.append("<code>").append(escape(code.replace("\\|", "|"))).append("</code>");
                i = close + run;
            } else if (markdown.startsWith("**", i)) {
                out.append(bold ? "</strong>" : "<strong>");
                bold = !bold;
                i += 2;
            } else if (markdown.startsWith("<br>", i)) {
                out.append("<br>");
                i += 4;
            } else {
                out.append(escape(String.valueOf(c)));
                i++;
            }
        }
        if (bold) {
            out.append("</strong>");
        }
        return out.toString();
    }

    /** The start of the next run of exactly {@code fence.length()} backticks, or -1. */
    private static int closingFence(String text, int from, String fence) {
        int at = text.indexOf(fence, from);
        while (at >= 0) {
            int end = at + fence.length();
            boolean longer = end < text.length() && text.charAt(end) == '`';
            if (!longer) {
                return at;
            }
            while (end < text.length() && text.charAt(end) == '`') {
                end++;
            }
            at = text.indexOf(fence, end);
        }
        return -1;
    }

    private static boolean isPunctuation(char c) {
        return "\\`*_{}[]()<>#+-.!|".indexOf(c) >= 0;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String stylesheet() {
        try (InputStream in = ReportHtml.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
