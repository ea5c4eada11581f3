package io.heapscope.views.runtime;

import atlantafx.base.theme.Styles;
import io.heapscope.model.runtime.GrowthVerdict;
import io.heapscope.model.runtime.demo.DemoPhase;
import io.heapscope.model.runtime.demo.DemoScenario;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * What a demo's audience reads above the charts: which phase runs ("Leak: delete only"), what each cycle does,
 * the cycle it is at, and the verdict of every phase so far, leak and fix side by side.
 */
final class DemoCaption extends VBox {
    private static final PseudoClass LEAK = PseudoClass.getPseudoClass("leak");
    private static final PseudoClass GROWS = PseudoClass.getPseudoClass("grows");
    private static final PseudoClass FLAT = PseudoClass.getPseudoClass("flat");

    private final DemoScenario scenario;
    private final Label phase = new Label();
    private final Label step = new Label();
    private final Label explanation = new Label();
    private final List<Label> verdicts = new ArrayList<>();
    /** Phases started so far. */
    private int current;

    DemoCaption(DemoScenario scenario) {
        this.scenario = scenario;
        getStyleClass().add("demo-caption");
        setId("demo-caption");
        setPadding(new Insets(8, 10, 8, 10));
        setSpacing(4);
        Label demo = new Label("Demo: " + scenario.kind().option());
        demo.getStyleClass().add(Styles.TEXT_MUTED);
        phase.setId("demo-phase");
        phase.getStyleClass().addAll("demo-phase", Styles.TITLE_3);
        step.setId("demo-step");
        step.getStyleClass().add(Styles.TEXT_MUTED);
        HBox title = new HBox(12, phase, step);
        title.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        explanation.setWrapText(true);
        explanation.setId("demo-explanation");
        getChildren().addAll(demo, title, explanation);
        VBox rows = new VBox(2);
        for (int i = 0; i < scenario.phases().size(); i++) {
            Label verdict = new Label();
            verdict.setId("demo-verdict-" + (i + 1));
            verdict.getStyleClass().add("demo-verdict");
            verdict.setWrapText(true);
            verdicts.add(verdict);
            rows.getChildren().add(verdict);
            showVerdict(i, null, false);
        }
        getChildren().add(rows);
        phase.setText("Starting " + scenario.kind().script() + "…");
    }

    void phaseStarted(int index, DemoPhase started) {
        current = index + 1;
        showVerdict(index, null, false);
        phase.setText(started.caption());
        phase.pseudoClassStateChanged(LEAK, started.leak());
        explanation.setText(started.explanation()
                + (started.setupLabel() == null ? "" : " First: " + started.setupLabel() + "."));
        step.setText("phase " + (index + 1) + " of " + scenario.phases().size());
    }

    void cycleDone(int index, int cycle, String extra, GrowthVerdict soFar) {
        step.setText("phase " + (index + 1) + " of " + scenario.phases().size() + " · cycle " + cycle + " of "
                + scenario.cyclesPerPhase() + (extra == null ? "" : " · " + extra));
        // One cycle cannot show growth: say so plainly rather than colour it "flat".
        showVerdict(index, cycle < 2 ? null : soFar, false);
    }

    void phaseDone(int index, GrowthVerdict verdict) {
        showVerdict(index, verdict, true);
    }

    void finished(boolean showsLeakAndFix) {
        phase.setText(showsLeakAndFix ? "Done: the leak grows, the fix stays flat"
                : "Done, but the demo did not show the leak and its fix");
        phase.pseudoClassStateChanged(LEAK, !showsLeakAndFix);
        step.setText("");
        explanation.setText("The last snapshot of each phase is in the Snapshots list: its Modules view shows "
                + "what stayed behind.");
    }

    void failed(String message) {
        phase.setText("Demo stopped: " + message);
        phase.pseudoClassStateChanged(LEAK, true);
    }

    private void showVerdict(int index, GrowthVerdict verdict, boolean done) {
        Label label = verdicts.get(index);
        String caption = scenario.phases().get(index).caption();
        if (verdict == null) {
            label.setText((index + 1) + ". " + caption + ": " + (index < current ? "measuring…" : "not yet run"));
        } else {
            label.setText((index + 1) + ". " + caption + ": " + (done ? "" : "so far ") + verdict.word() + " ("
                    + verdict.reason() + ")");
        }
        label.pseudoClassStateChanged(GROWS, verdict != null && verdict.grows());
        label.pseudoClassStateChanged(FLAT, verdict != null && !verdict.grows());
    }

    // For tests.
    String phaseText() {
        return phase.getText();
    }

    String verdictText(int index) {
        return verdicts.get(index).getText();
    }
}
