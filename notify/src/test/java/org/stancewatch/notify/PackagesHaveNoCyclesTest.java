package org.stancewatch.notify;

import org.junit.jupiter.api.Test;
import org.stancewatch.testing.PackageCycles;

/**
 * Keeps notify's packages layered (package-info of {@code org.stancewatch.notify}): a package
 * that needs one above it, directly or through others, fails here with the classes at fault.
 */
class PackagesHaveNoCyclesTest {

    @Test
    void packagesDependOnEachOtherWithoutACycle() {
        PackageCycles.assertNoneInModuleOf(Notifier.class);
    }
}
