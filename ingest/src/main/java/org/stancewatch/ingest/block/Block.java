package org.stancewatch.ingest.block;

import java.util.Objects;

/**
 * A page that stands between the crawler and the site's content: a bot manager's challenge or a
 * consent wall. It is never an article; the crawler reports it with {@link Kind#code()} as the
 * reason (counters, dead letters, {@code stancewatch sources check}).
 *
 * @param kind     which of the two
 * @param vendor   who served it, as far as the markers tell ("Cloudflare", "DataDome", ...), or a
 *                 description of the page for a generic one
 * @param evidence the marker that gave it away, for the message ("header cf-mitigated: challenge")
 */
public record Block(Kind kind, String vendor, String evidence) {

    /** What stands in the way. */
    public enum Kind {
        /** a bot manager asks the client to prove it is a browser (JavaScript, CAPTCHA) or refuses it */
        BOT_CHALLENGE("bot-challenge", "a bot challenge"),
        /** a cookie or privacy consent page stands in for the content */
        CONSENT_WALL("consent-wall", "a consent wall");

        private final String code;
        private final String description;

        Kind(String code, String description) {
            this.code = code;
            this.description = description;
        }

        /** The stable reason code: counters, metrics and dead letters use it. */
        public String code() {
            return code;
        }

        public String description() {
            return description;
        }
    }

    public Block {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** "a bot challenge (Cloudflare: header cf-mitigated: challenge)". */
    public String describe() {
        return kind.description() + " (" + vendor + ": " + evidence + ")";
    }
}
