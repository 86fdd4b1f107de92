package org.stancewatch.model;

import org.junit.jupiter.api.Test;
import org.stancewatch.testing.PackageCycles;

/**
 * The packages of this module's main code form no cycle: a package that needs one above it,
 * directly or through others, fails here with the classes at fault.
 */
class PackagesHaveNoCyclesTest {

    @Test
    void packagesDependOnEachOtherWithoutACycle() {
        PackageCycles.assertNoneInModuleOf(Article.class);
    }
}
