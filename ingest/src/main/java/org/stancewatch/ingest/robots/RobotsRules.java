package org.stancewatch.ingest.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.stancewatch.ingest.state.RobotsState;

/**
 * The rules of one origin's robots.txt for our user agent, parsed by crawler-commons per RFC
 * 9309: a pure function of the file's bytes. A robots.txt that could not be fetched has the
 * rules the RFC gives its outcome: 4xx ("unavailable", section 2.3.1.3) allows everything, 5xx
 * or no answer ("unreachable", section 2.3.1.4) disallows everything.
 */
public final class RobotsRules {
    private final BaseRobotRules rules;
    private final RobotsState.Outcome outcome;

    private RobotsRules(BaseRobotRules rules, RobotsState.Outcome outcome) {
        this.rules = rules;
        this.outcome = outcome;
    }

    /** Parses a fetched robots.txt for the given robot name (the user agent's product token). */
    public static RobotsRules parse(URI robotsUrl, byte[] body, String robotName) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        BaseRobotRules rules = parser.parseContent(robotsUrl.toString(), body, "text/plain", List.of(robotName.toLowerCase()));
        return new RobotsRules(rules, RobotsState.Outcome.FETCHED);
    }

    /** The rules of a stored robots.txt state. */
    public static RobotsRules of(RobotsState state, String robotName) {
        return switch (state.outcome()) {
            case FETCHED -> parse(URI.create(state.origin() + "/robots.txt"),
                    state.body().getBytes(StandardCharsets.UTF_8), robotName);
            case UNAVAILABLE -> new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL),
                    RobotsState.Outcome.UNAVAILABLE);
            case UNREACHABLE -> new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
                    RobotsState.Outcome.UNREACHABLE);
        };
    }

    public boolean allows(URI url) {
        return rules.isAllowed(url.toString());
    }

    /**
     * The Crawl-delay the file asks of us, if any. The crawler honours it up to its {@code
     * maxCrawlDelay} and skips a host that asks for more; it never shortens it.
     */
    public Optional<Duration> crawlDelay() {
        long delay = rules.getCrawlDelay();
        return delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis(delay));
    }

    /** The Sitemap lines of the file. */
    public List<String> sitemaps() {
        return rules.getSitemaps();
    }

    public RobotsState.Outcome outcome() {
        return outcome;
    }
}
