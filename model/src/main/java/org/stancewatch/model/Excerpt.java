package org.stancewatch.model;

/** Cuts long texts to a window around what matters, marking each cut with an ellipsis. */
public final class Excerpt {
    private static final String ELLIPSIS = "…";

    private Excerpt() {}

    /**
     * The text, or when longer than {@code max} chars a window of about {@code max} chars centred
     * on the first occurrence of {@code focus} (the start when it does not occur), never cutting a
     * surrogate pair.
     */
    public static String around(String text, String focus, int max) {
        if (text.length() <= max) {
            return text;
        }
        int at = focus == null || focus.isEmpty() ? -1 : text.indexOf(focus);
        int centre = at < 0 ? 0 : at + focus.length() / 2;
        int from = Math.max(0, Math.min(centre - max / 2, text.length() - max));
        int to = from + max;
        from = boundary(text, from);
        to = boundary(text, to);
        return (from > 0 ? ELLIPSIS : "") + text.substring(from, to) + (to < text.length() ? ELLIPSIS : "");
    }

    /** The index, moved back one when it would fall between the halves of a surrogate pair. */
    private static int boundary(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }
}
