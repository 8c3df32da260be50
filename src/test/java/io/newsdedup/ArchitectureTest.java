package io.newsdedup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the code, kept by tests: core (plain Java) ← pipeline (Beam stages) ← report, eval,
 * bench ← cli. Only cli depends on everything, and no package depends on itself through another.
 */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/jmh_generated/"))
            .importPackages("io.newsdedup");
  }

  @Test
  void noPackageCycles() {
    ArchRule rule = slices().matching("io.newsdedup.(**)").should().beFreeOfCycles();
    rule.check(main);
  }

  @Test
  void coreIsPlainJava() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.newsdedup.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.beam..", "org.joda..")
            .because("the algorithm is unit-tested and reused without a runner");
    rule.check(main);
  }

  @Test
  void layers() {
    ArchRule rule =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("core")
            .definedBy("io.newsdedup.core..")
            .layer("pipeline")
            .definedBy("io.newsdedup.pipeline..")
            .layer("report")
            .definedBy("io.newsdedup.report..")
            .layer("eval")
            .definedBy("io.newsdedup.eval..")
            .layer("bench")
            .definedBy("io.newsdedup.bench..")
            .layer("cli")
            .definedBy("io.newsdedup.cli..")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("bench")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("report")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("eval")
            .mayOnlyBeAccessedByLayers("cli", "bench")
            .whereLayer("pipeline")
            .mayOnlyBeAccessedByLayers("bench", "cli")
            .whereLayer("core")
            .mayOnlyBeAccessedByLayers("pipeline", "report", "eval", "bench", "cli");
    rule.check(main);
  }

  @Test
  void everyClassIsInALayer() {
    ArchRule rule =
        classes()
            .should()
            .resideInAnyPackage(
                "io.newsdedup.core..",
                "io.newsdedup.pipeline..",
                "io.newsdedup.report..",
                "io.newsdedup.eval..",
                "io.newsdedup.bench..",
                "io.newsdedup.cli..");
    rule.check(main);
  }
}
