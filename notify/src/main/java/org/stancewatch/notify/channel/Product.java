package org.stancewatch.notify.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** How stancewatch names itself to receivers: {@code stancewatch/<version>}. */
final class Product {
    private static final String TOKEN = "stancewatch/" + version();

    private Product() {}

    /** The User-Agent of webhook requests and the X-Mailer of e-mails. */
    static String token() {
        return TOKEN;
    }

    private static String version() {
        try (InputStream in = Product.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev"; // run from an IDE without the filtered resource
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stancewatch version", e);
        }
    }
}
