package studio.vincie.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The import rules of design.md section 2: allowed imports point down the package list only. */
class PackageBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("studio.vincie");
    }

    @Test
    void sessionKnowsNeitherJavaFxNorDjl() {
        noClasses().that().resideInAnyPackage("studio.vincie.session..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.djl..", "studio.vincie.ui..")
                .check(classes);
    }

    @Test
    void modelKnowsNeitherJavaFxJacksonNorSession() {
        noClasses().that().resideInAnyPackage("studio.vincie.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml.jackson..",
                        "studio.vincie.session..", "studio.vincie.ui..")
                .check(classes);
    }

    @Test
    void backendPackagesDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage("studio.vincie.data..", "studio.vincie.train..",
                        "studio.vincie.bench..", "studio.vincie.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "studio.vincie.ui..")
                .check(classes);
    }

    @Test
    void onlyModelAndTrainTouchNdArrays() {
        noClasses().that().resideOutsideOfPackages("studio.vincie.model..", "studio.vincie.train..",
                        "studio.vincie.bench.speed..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl.ndarray..")
                .check(classes);
    }

    @Test
    void uiTalksToTheModelOnlyThroughItsInterface() {
        noClasses().that().resideInAnyPackage("studio.vincie.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
