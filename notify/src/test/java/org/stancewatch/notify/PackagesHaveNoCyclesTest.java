package org.stancewatch.notify;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps notify's packages layered (package-info of {@code org.stancewatch.notify}): a package
 * that needs one above it, directly or through others, fails here with the classes at fault.
 */
class PackagesHaveNoCyclesTest {

    @Test
    void packagesFormNoCycle() {
        JavaClasses notify = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.stancewatch.notify");

        slices().matching("org.stancewatch.(**)").should().beFreeOfCycles().check(notify);
    }
}
