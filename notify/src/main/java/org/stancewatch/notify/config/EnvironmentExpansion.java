package org.stancewatch.notify.config;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in a setting with the environment's
 * value, as a shell would, so that one file works on every machine (e.g. a path under
 * {@code STANCEWATCH_HOME}).
 */
final class EnvironmentExpansion {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final UnaryOperator<String> environment;

    EnvironmentExpansion(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * The text with every reference replaced.
     *
     * @throws IllegalArgumentException naming the variable when one without a default is unset
     */
    String expand(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = lookup(matcher.group(1));
            if (value == null) {
                if (matcher.group(2) == null) {
                    throw new IllegalArgumentException("environment variable " + matcher.group(1)
                            + " is not set (set it, or write ${" + matcher.group(1) + ":-default})");
                }
                value = matcher.group(2);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The variable's value, or null when it is unset or empty (as {@code :-} treats it). */
    String lookup(String name) {
        String value = environment.apply(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
