package org.stancewatch.notify.config;

import java.util.List;
import org.stancewatch.config.ConfigFileException;
import org.stancewatch.config.ConfigProblem;

/** An {@code alerts.yml} that cannot be used, with every problem's file, line and field. */
public final class AlertsConfigException extends ConfigFileException {
    public AlertsConfigException(List<ConfigProblem> problems) {
        super("the alerts file", problems);
    }
}
