package org.stancewatch.index;

import java.time.Duration;
import org.stancewatch.index.kibana.ImportReport;
import org.stancewatch.index.kibana.KibanaReadiness;
import org.stancewatch.index.kibana.KibanaSettings;
import org.stancewatch.index.kibana.KibanaSetup;

/**
 * Kibana's side of the index stage: stancewatch's data views, visualisations and dashboard.
 * {@link KibanaSettings} (where Kibana is, and its credentials) and {@link ImportReport} (what was
 * imported) are records of the stage's data contract and cross this surface as they are.
 */
public final class Kibana {
    private final KibanaSettings config;

    public Kibana(KibanaSettings config) {
        this.config = config;
    }

    /** Returns once Kibana says it is available; fails when it is not within {@code atMost}. */
    public void awaitAvailable(Duration atMost) {
        new KibanaReadiness(config).awaitAvailable(atMost);
    }

    /** Imports the saved objects, overwriting earlier copies of them. */
    public ImportReport importSavedObjects() {
        return new KibanaSetup(config).importSavedObjects();
    }
}
