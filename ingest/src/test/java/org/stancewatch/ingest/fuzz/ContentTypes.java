package org.stancewatch.ingest.fuzz;

import java.util.List;
import org.stancewatch.fuzz.Generator;

/** Content-Type headers as sites send them: missing, empty, right, wrong, with odd or unknown charsets, garbage. */
public final class ContentTypes {
    private static final List<String> SEEN = List.of("text/html", "text/html; charset=utf-8", "application/xml",
            "application/rss+xml; charset=ISO-8859-1", "application/atom+xml", "text/xml; charset=utf-16",
            "text/plain", "application/gzip", "application/octet-stream", "", "text/html; charset=",
            "text/html; charset=x-unknown-42", "application/xml; charset=\"utf-8", ";;;", "text/html; charset=utf-32");

    private ContentTypes() {}

    /** Half the time one of {@link #SEEN} or no header at all (15 % of those), else any string of up to 40 characters. */
    public static Generator<String> hostile() {
        Generator<String> seen = Generator.elementOf(SEEN);
        Generator<String> garbage = Generator.strings(40);
        return random -> {
            if (random.nextBoolean()) {
                return garbage.next(random);
            }
            return random.nextDouble() < 0.15 ? null : seen.next(random);
        };
    }
}
