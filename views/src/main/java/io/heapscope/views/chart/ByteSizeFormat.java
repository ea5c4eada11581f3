package io.heapscope.views.chart;

import io.heapscope.model.format.ByteSizes;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Axis ticks as {@link ByteSizes#human}: {@code 500 kB}, {@code 2.0 MB}. Formatting only; parsing is not needed. */
public final class ByteSizeFormat extends NumberFormat {
    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(ByteSizes.human(Math.round(number)));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(ByteSizes.human(number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }
}
