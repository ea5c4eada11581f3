package io.heapscope.views.modules;

import javafx.scene.layout.Region;

/**
 * A small horizontal bar: a track ({@code .size-bar}) with a fill ({@code .size-bar-fill}) over {@link #share()}
 * of its width. Sizes and colours come from CSS; a non-zero share shows at least one pixel.
 */
final class SizeBar extends Region {
    private final Region fill = new Region();
    private double share;

    SizeBar() {
        getStyleClass().add("size-bar");
        fill.getStyleClass().add("size-bar-fill");
        getChildren().add(fill);
        setMinWidth(USE_PREF_SIZE);
        setMaxWidth(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
    }

    double share() {
        return share;
    }

    /** The filled part, clamped to {@code [0, 1]}. */
    void setShare(double share) {
        this.share = Math.max(0, Math.min(1, share));
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double filled = share <= 0 ? 0 : Math.max(1, snapSizeX(width * share));
        fill.resizeRelocate(snappedLeftInset(), snappedTopInset(), filled,
                getHeight() - snappedTopInset() - snappedBottomInset());
    }
}
