package org.stancewatch.index.kibana;

import java.util.Map;

/**
 * What Kibana imported.
 *
 * @param imported     objects imported (created or overwritten)
 * @param byType       imported objects per saved-object type, e.g. {@code lens -> 6}
 * @param dashboardUrl where to open the dashboard
 */
public record ImportReport(int imported, Map<String, Integer> byType, String dashboardUrl) {
    public ImportReport {
        byType = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byType)); // by type name
    }
}
