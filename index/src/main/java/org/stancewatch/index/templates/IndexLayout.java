package org.stancewatch.index.templates;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of stancewatch's indices, aliases and templates under one prefix. The default prefix
 * {@code stancewatch} gives the names in docs/indexing.md: the write alias {@code stancewatch-mentions}
 * over the concrete index {@code stancewatch-mentions-000001}, created from the index template
 * {@code stancewatch-mentions}. Tests use a prefix of their own to share a node.
 *
 * @param prefix lowercase letters, digits and dashes, starting with a letter
 */
public record IndexLayout(String prefix) {
    /** The prefix of a normal installation. */
    public static final String DEFAULT_PREFIX = "stancewatch";
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]*");

    public IndexLayout {
        Objects.requireNonNull(prefix, "prefix");
        if (!VALID.matcher(prefix).matches()) {
            throw new IllegalArgumentException("index prefix '" + prefix
                    + "' must be lowercase letters, digits and dashes, starting with a letter");
        }
    }

    public static IndexLayout defaults() {
        return new IndexLayout(DEFAULT_PREFIX);
    }

    /** The write alias that readers and writers use, e.g. {@code stancewatch-mentions}. */
    public String alias(IndexKind kind) {
        return prefix + "-" + kind.word();
    }

    /** The first concrete index behind the alias, e.g. {@code stancewatch-mentions-000001}. */
    public String firstIndex(IndexKind kind) {
        return alias(kind) + "-000001";
    }

    /** The pattern of the concrete indices, e.g. {@code stancewatch-mentions-*}. */
    public String indexPattern(IndexKind kind) {
        return alias(kind) + "-*";
    }

    /** The composable index template's name (the same as the alias). */
    public String indexTemplate(IndexKind kind) {
        return alias(kind);
    }

    /** The component template with the kind's mappings, e.g. {@code stancewatch-mentions-mappings}. */
    public String mappingsComponent(IndexKind kind) {
        return alias(kind) + "-mappings";
    }

    /** The component template with the settings every index shares. */
    public String settingsComponent() {
        return prefix + "-settings";
    }
}
