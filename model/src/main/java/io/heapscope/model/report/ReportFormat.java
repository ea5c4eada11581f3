package io.heapscope.model.report;

import java.nio.file.Path;
import java.util.Locale;

/** How a report is written: Markdown beside its PNG charts, or one HTML file with everything inlined. */
public enum ReportFormat {
    MD("md"),
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** {@code report.md} or {@code report.html}: the file a report directory holds. */
    public String defaultFileName() {
        return "report." + extension;
    }

    /** HTML for {@code .html} and {@code .htm} files, Markdown otherwise. */
    public static ReportFormat ofFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") ? HTML : MD;
    }
}
