package io.heapscope.app.cli;

import io.heapscope.model.report.ReportFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The value of a report-format option ({@code report --format}, {@code watch}/{@code demo --report-format}). */
final class ReportFormatOption {
    private ReportFormatOption() {
    }

    /** {@code md} (or {@code markdown}) or {@code html}; anything else is a usage error naming {@code option}. */
    static ReportFormat parse(String value, String option, CommandSpec spec) {
        return switch (value) {
            case "md", "markdown" -> ReportFormat.MD;
            case "html" -> ReportFormat.HTML;
            default -> throw new ParameterException(spec.commandLine(), option + " is md or html, not '" + value
                    + "'");
        };
    }
}
