package io.heapscope.views.modules;

import io.heapscope.model.format.HeapText;
import atlantafx.base.theme.Styles;
import io.heapscope.model.analysis.Retainers.Hop;
import io.heapscope.model.graph.HeapGraph;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * A chain of holders as DevTools writes it, root side first and wrapped to the width:
 * {@code Module @6181 → children → Array @6165 → [5] → Module @84413}. Each object is a link that selects it.
 */
final class RetainerChain extends FlowPane {
    private final HeapGraph graph;
    private final IntConsumer select;

    RetainerChain(HeapGraph graph, IntConsumer select) {
        this.graph = graph;
        this.select = select;
        getStyleClass().add("retainer-chain");
        setHgap(4);
        setVgap(2);
        setMinWidth(0);
    }

    /** Shows {@code path} (hops from {@link io.heapscope.model.modules.ModuleGraph#retainerPath}); empty clears. */
    void show(List<Hop> path) {
        getChildren().clear();
        for (Hop hop : path) {
            if (hop.edge() >= 0) {
                getChildren().addAll(arrow(), edge(hop.edge()), arrow());
            }
            getChildren().add(node(hop.node()));
        }
    }

    /** The chain as one line of text, as shown. */
    String text() {
        return getChildren().stream().map(node -> ((Labeled) node).getText()).collect(Collectors.joining(" "));
    }

    private Node node(int node) {
        Hyperlink link = new Hyperlink(HeapText.node(graph, node));
        link.getStyleClass().add("chain-node");
        link.setTooltip(new Tooltip(graph.nodeTypeName(node) + " " + HeapText.node(graph, node)
                + "\nClick to select it"));
        link.setOnAction(event -> select.accept(node));
        return link;
    }

    private Node edge(int edge) {
        Label label = new Label(HeapText.edge(graph, edge));
        label.getStyleClass().addAll("chain-edge", Styles.TEXT_BOLD);
        label.setTooltip(new Tooltip(graph.edgeTypeName(edge) + " edge"));
        return label;
    }

    private static Node arrow() {
        Label arrow = new Label("→");
        arrow.getStyleClass().add(Styles.TEXT_MUTED);
        return arrow;
    }
}
