package io.heapscope.views.details;

import atlantafx.base.theme.Styles;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.report.RetainerChainMarkdown;
import io.heapscope.views.export.MarkdownCopy;
import io.heapscope.views.heap.HeapFormat;
import java.util.Objects;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Details tool window: one object's id, type, name, shallow and retained size, distance, and its dominator
 * chain up to the root, each link of which asks the window to show that object ({@link #setOnNodeChosen}).
 *
 * <p>Cheap: a show reads a few numbers and walks the dominator chain, shortened to {@value #CHAIN_LIMIT} links.
 */
public final class DetailsPane extends BorderPane {
    public static final String STYLE_CLASS = "details-pane";
    /** Links shown of a longer chain (a linked list's); the rest is counted. */
    static final int CHAIN_LIMIT = 40;
    /** Characters shown of a long name (a string's text can be megabytes). */
    private static final int NAME_LIMIT = 2_000;

    private final HeapAnalysis analysis;
    private final HeapGraph graph;
    private final Label title = new Label();
    private final GridPane facts = new GridPane();
    private final VBox chain = new VBox(2);
    private final Label chainTitle = new Label("Dominator chain");
    private final Label empty = new Label("Select an object to see its details");
    private IntConsumer onNodeChosen = node -> { };
    private int shown = -1;
    /** Made on the first copy of a path: its name lookups scan the string table. */
    private Retainers retainers;

    public DetailsPane(HeapAnalysis analysis) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.graph = analysis.graph();
        getStyleClass().add(STYLE_CLASS);

        FontIcon icon = new FontIcon(Feather.INFO);
        title.setId("details-title");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setGraphic(icon);
        title.setGraphicTextGap(6);
        title.setMinWidth(0);
        title.setPadding(new Insets(5, 10, 5, 10));
        title.setMaxWidth(Double.MAX_VALUE);
        title.getStyleClass().add("details-header");
        setTop(title);

        facts.setId("details-facts");
        facts.setHgap(10);
        facts.setVgap(4);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(70);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        facts.getColumnConstraints().addAll(keys, values);
        chainTitle.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        chain.setId("details-chain");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        VBox body = new VBox(10, empty, facts, chainTitle, chain);
        body.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        // The path to the root as a bug report wants it: the menu of the pane, or Ctrl+Shift+C.
        MarkdownCopy.install(scroll, "Copy Path to Root as Markdown", this::pathMarkdown, true);
        show(-1);
    }

    /** What a dominator link does: the window shows that object in the current view. */
    public void setOnNodeChosen(IntConsumer onNodeChosen) {
        this.onNodeChosen = Objects.requireNonNull(onNodeChosen, "onNodeChosen");
    }

    /**
     * The object's shortest path from the root as Markdown lines reading like the Retainers view
     * ({@code edge in Class @id}, distance and sizes); {@code null} when no object is shown.
     */
    public String pathMarkdown() {
        if (shown < 0) {
            return null;
        }
        if (retainers == null) {
            retainers = new Retainers(analysis);
        }
        return String.join("\n", RetainerChainMarkdown.shortestPath(retainers, graph, analysis, shown)) + "\n";
    }

    /** The object shown, {@code -1} for none. */
    public int shownNode() {
        return shown;
    }

    /** Shows {@code node} (an ordinal of this pane's snapshot); {@code -1} clears the pane. */
    public void show(int node) {
        shown = Math.max(-1, node);
        facts.getChildren().clear();
        chain.getChildren().clear();
        boolean any = shown >= 0;
        empty.setVisible(!any);
        empty.setManaged(!any);
        facts.setVisible(any);
        chainTitle.setVisible(any);
        chainTitle.setManaged(any);
        if (!any) {
            title.setText("Details");
            return;
        }
        title.setText(HeapText.node(graph, shown));
        int row = 0;
        fact(row++, "Id", "@" + graph.nodeId(shown), "details-id");
        fact(row++, "Type", graph.nodeTypeName(shown), "details-type");
        String name = shown == 0 ? "(root)" : graph.nodeName(shown);
        fact(row++, "Name", name.length() > NAME_LIMIT ? name.substring(0, NAME_LIMIT) + "…" : name, "details-name");
        long total = analysis.retainedSize(0);
        size(row++, "Shallow", analysis.shallowSize(shown), total, "details-shallow");
        size(row++, "Retained", analysis.retainedSize(shown), total, "details-retained");
        fact(row++, "Distance", HeapFormat.distance(analysis.distance(shown)), "details-distance");
        showChain();
    }

    /** The dominators from the object up to the root, each a link; a long chain shows its two ends. */
    private void showChain() {
        if (shown == 0) {
            chain.getChildren().add(muted("The root dominates every object"));
            return;
        }
        int length = 0;
        for (int at = shown; at != 0; at = analysis.dominator(at)) {
            length++;
        }
        int index = 0;
        for (int at = analysis.dominator(shown); ; at = analysis.dominator(at)) {
            index++;
            boolean head = index <= CHAIN_LIMIT - 1;
            if (head || at == 0) {
                chain.getChildren().add(link(at));
            } else if (index == CHAIN_LIMIT) {
                chain.getChildren().add(muted("… " + ByteSizes.grouped(length - CHAIN_LIMIT) + " more"));
            }
            if (at == 0) {
                break;
            }
        }
    }

    private Hyperlink link(int node) {
        Hyperlink link = new Hyperlink(HeapText.node(graph, node));
        link.getStyleClass().add("details-chain-link");
        link.setTooltip(new Tooltip(graph.nodeTypeName(node) + ", retains " + ByteSizes.human(
                analysis.retainedSize(node)) + " (" + ByteSizes.grouped(analysis.retainedSize(node)) + " bytes)"));
        link.setOnAction(event -> onNodeChosen.accept(node));
        link.setMinWidth(0);
        link.setPadding(new Insets(0, 2, 0, 2));
        return link;
    }

    private void fact(int row, String key, String value, String id) {
        Label keyLabel = muted(key);
        Label valueLabel = new Label(value);
        valueLabel.setId(id);
        valueLabel.setWrapText(true);
        valueLabel.setMinWidth(0);
        facts.addRow(row, keyLabel, valueLabel);
    }

    private void size(int row, String key, long bytes, long total, String id) {
        fact(row, key, ByteSizes.human(bytes) + "  (" + HeapFormat.percent(bytes, total) + ")", id);
        ((Label) facts.getChildren().get(facts.getChildren().size() - 1)).setTooltip(
                new Tooltip(HeapFormat.exactSize(bytes, total)));
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
