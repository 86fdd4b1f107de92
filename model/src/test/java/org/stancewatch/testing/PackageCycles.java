package org.stancewatch.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URL;

/**
 * The rule that a module's packages form no cycle, as the modules form none: inside a module,
 * packages layer. Each module's {@code PackagesHaveNoCyclesTest} applies it to
 * its own main classes; two packages that need each other should become one, or share what they
 * both need through a package below them.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /**
     * Fails, naming each cycle and the class dependencies that close it, when the packages of the
     * main classes that hold {@code anyMainClass} (the module's {@code target/classes}, or its
     * jar) depend on each other in a cycle. It fails as well when it finds no classes there.
     */
    public static void assertNoneInModuleOf(Class<?> anyMainClass) {
        URL location = anyMainClass.getProtectionDomain().getCodeSource().getLocation();
        // Only the module's own classes can close a cycle: the libraries they use are left
        // unresolved, which takes the import from seconds to under one (index: 14 s, 0.8 s).
        JavaClasses classes = ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter()
                    .withImportOption(new ImportOption.DoNotIncludeTests())
                    .importUrl(location);
        });
        slices().matching("org.stancewatch.(**)").should().beFreeOfCycles().check(classes);
    }
}
