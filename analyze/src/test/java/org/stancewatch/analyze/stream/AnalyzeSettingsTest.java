package org.stancewatch.analyze.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzeSettingsTest {
    private final AnalyzeSettings defaults = AnalyzeSettings.defaults("localhost:9092");

    @Test
    void aWitherChangesItsOwnComponentsAndNoOther() {
        AnalyzeSettings changed = defaults.withThreads(3, 2).withGrace(Duration.ofDays(1))
                .withStreamsOverrides(Map.of("linger.ms", "5"));

        assertThat(changed.scoringThreads()).isEqualTo(3);
        assertThat(changed.aggregationThreads()).isEqualTo(2);
        assertThat(changed.grace()).isEqualTo(Duration.ofDays(1));
        assertThat(changed.streamsOverrides()).containsEntry("linger.ms", "5");
        assertThat(changed.withThreads(1, 1).withGrace(AnalyzeSettings.DEFAULT_GRACE).withStreamsOverrides(Map.of()))
                .isEqualTo(defaults);
    }

    @Test
    void aCopyIsCheckedAsTheConstructorChecksAny() {
        assertThatThrownBy(() -> defaults.withCopyWeight(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("copyWeight");
        assertThatThrownBy(() -> defaults.withApplicationId("no spaces")).isInstanceOf(IllegalArgumentException.class);
        assertThat(defaults.withStateDir(Path.of("state")).stateDir()).isEqualTo(Path.of("state"));
    }
}
