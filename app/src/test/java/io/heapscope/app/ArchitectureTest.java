package io.heapscope.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering, checked here because app is the one module that sees all of model, views and app. */
@AnalyzeClasses(packages = "io.heapscope", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelHasNoGui = noClasses()
            .that().resideInAPackage("io.heapscope.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
            .because("the model must run headless, in the command line and in tests, and be reusable without a GUI");

    @ArchTest
    static final ArchRule viewsDoNotKnowTheApp = noClasses()
            .that().resideInAPackage("io.heapscope.views..")
            .should().dependOnClassesThat().resideInAPackage("io.heapscope.app..")
            .because("views are reusable controls over the model; the app assembles them, not the other way round");
}
