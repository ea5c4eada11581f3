package io.heapscope.views.task;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import java.util.function.Function;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Stands in for a view whose model is still being computed: the work's message and progress, then the view made
 * from its value, or why it failed. Several views can wait on one worker (the Summary and the Statistics share the
 * class names). FX thread only.
 */
public final class WorkerPane<T> extends StackPane {
    private Node content;

    public WorkerPane(Worker<T> worker, Function<T, Node> view) {
        Objects.requireNonNull(view, "view");
        getStyleClass().add("worker-pane");
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(260);
        bar.progressProperty().bind(worker.progressProperty());
        Label message = new Label();
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(worker.messageProperty());
        VBox waiting = new VBox(10, bar, message);
        waiting.setAlignment(Pos.CENTER);
        getChildren().setAll(waiting);
        Runnable update = () -> {
            if (content != null) {
                return;
            }
            if (worker.getState() == Worker.State.SUCCEEDED) {
                content = view.apply(worker.getValue());
                getChildren().setAll(content);
            } else if (worker.getState() == Worker.State.FAILED || worker.getState() == Worker.State.CANCELLED) {
                Label failed = new Label(worker.getState() == Worker.State.CANCELLED ? "Cancelled"
                        : "Failed: " + worker.getException());
                failed.getStyleClass().add(Styles.DANGER);
                failed.setWrapText(true);
                content = failed;
                getChildren().setAll(failed);
            }
        };
        worker.stateProperty().addListener((observable, old, now) -> update.run());
        update.run();
    }

    /** The view once the work succeeded (or the failure's label), {@code null} while it runs. */
    public Node content() {
        return content;
    }
}
