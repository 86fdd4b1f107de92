package org.stancewatch.index;

import org.junit.jupiter.api.Test;
import org.stancewatch.testing.PackageCycles;

/** The packages of this module's main code form no cycle (issue 15). */
class PackagesHaveNoCyclesTest {

    @Test
    void packagesDependOnEachOtherWithoutACycle() {
        PackageCycles.assertNoneInModuleOf(IndexStage.class);
    }
}
