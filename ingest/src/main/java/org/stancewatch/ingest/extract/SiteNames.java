package org.stancewatch.ingest.extract;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a site goes by: its {@code og:site_name}, its publisher's name, its domain and the
 * domain's first label ({@code dw.com}, {@code dw}). Used to tell a byline from the outlet's own
 * name and to strip the outlet from titles ("Headline | DW").
 */
final class SiteNames {
    private static final Pattern DOMAIN = Pattern.compile("(?i)(www\\.)?[a-z0-9-]+(\\.[a-z]{2,})+");

    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> domains = new LinkedHashSet<>();

    /** Adds a name as the page states it ({@code DW.COM}, {@code Deutsche Welle}); blanks are ignored. */
    SiteNames add(String name) {
        if (name != null && DOMAIN.matcher(name).matches()) {
            // "DW.COM" as og:site_name: the site goes by its domain, and by the domain's first label
            String domain = name.toLowerCase(Locale.ROOT);
            return addDomain(domain.startsWith("www.") ? domain.substring(4) : domain);
        }
        String key = key(name);
        if (key.length() >= 2) {
            names.add(key);
        }
        return this;
    }

    /** Adds the outlet's registered domain ({@code dw.com}) and its first label ({@code dw}). */
    SiteNames addDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            return this;
        }
        String lower = domain.toLowerCase(Locale.ROOT);
        domains.add(lower);
        names.add(key(lower));
        int dot = lower.indexOf('.');
        if (dot > 1) {
            names.add(key(lower.substring(0, dot)));
        }
        return this;
    }

    /** True when the text is one of the site's names, or names the site's domain ("Deutsche Welle (www.dw.com)"). */
    boolean names(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String key = key(text);
        if (names.contains(key)) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String domain : domains) {
            if (lower.contains(domain)) {
                return true;
            }
        }
        // "BBC News" for the site "BBC": the site's name and a word of its own
        for (String name : names) {
            if (name.length() >= 3 && key.length() <= name.length() + 12 && (key.startsWith(name + " ") || key.endsWith(" " + name))) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, letters and digits only, single spaces. */
    private static String key(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c));
            } else if (c != '.' && !key.isEmpty() && key.charAt(key.length() - 1) != ' ') {
                key.append(' ');
            }
        }
        return key.toString().strip();
    }
}
