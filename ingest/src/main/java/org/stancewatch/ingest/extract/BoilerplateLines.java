package org.stancewatch.ingest.extract;

import java.util.regex.Pattern;

/**
 * What a single line of the main text says about itself: a share or print prompt, a picture
 * credit, a bare date, or the heading that opens the recommendations under an article. The
 * patterns are anchored at the line's start and tried on short lines only, so that a sentence
 * of the article that merely mentions "Reuters" or "share" stays.
 */
final class BoilerplateLines {
    /** Lines shorter than this are tested against {@link #PROMPT}. */
    private static final int SHORT_LINE = 40;
    /** Credit and source lines are tested up to this length (they name people and agencies). */
    private static final int CREDIT_LINE = 160;
    /** Headings of recommendations are tested up to this length. */
    private static final int HEADING_LINE = 70;
    /** The label of a credit ("Bildquelle", "Crédits photos") ends before this column. */
    private static final int CREDIT_LABEL_CHARS = 20;

    private static final Pattern PROMPT = Pattern.compile(
            "(?i)^(advertisement|anzeige|werbung|publicité|publicidad|pubblicità|sponsored|share( this)?( article| story)?"
                    + "|teilen|share on \\w+|tweet|print|drucken|e-?mail|read more|weiterlesen|mehr zum thema"
                    + "|more on this( story)?|related( articles| stories| content)?|see also|follow us.*|sign up.*"
                    + "|subscribe.*|all rights reserved.*|©.*|copyright.*|getty images|reuters|afp|ap|dpa|loading\\.*"
                    + "|comments?|\\d+ comments?|kommentare?|kommentieren|back to top|nach oben|top|bildergalerie"
                    + "|schlagworte|tags|kontakt|impressum|inhaltsverzeichnis|table of contents|explore further"
                    + "|externer inhalt|- ?anzeige ?-)[.:!]?$");
    /** "Photo: ...", "Bildquelle: ...", "(Credit: ...)", "Photograph by ...". */
    private static final Pattern CREDIT = Pattern.compile(
            "(?i)^[(\\[]?(photo|foto|fotos|image|bild|bildquelle|titelbild|beitragsbild|credit|credits|crédits?( photos?)?"
                    + "|quelle|source|fuente|źródło|fonte|photograph|photography|illustration|grafik)( by|:| :).*");
    /** A line that is only a date, perhaps with a time and a label ("Stand: 05. Februar 2020", "24.03.2004, 19:49"). */
    private static final Pattern DATE = Pattern.compile(
            "(?i)^((stand|aktualisiert|veröffentlicht|publiziert|erstellt|updated|published|posted|publicado|publié"
                    + "|veröffentlichung|datum|date)( am| on| le| el)?:?\\s*)?"
                    + "(\\d{1,2}\\.\\s*\\d{1,2}\\.\\s*\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.?\\s+\\p{L}+\\.?\\s+\\d{4}"
                    + "|\\p{L}+\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}/\\d{1,2}/\\d{2,4})"
                    + "(,?\\s*(um\\s*)?\\d{1,2}[:.]\\d{2}(\\s*(uhr|am|pm|h))?)?$");
    /** Headings of what a site recommends after the article: everything from such a line on is not the article. */
    private static final Pattern RECOMMENDATIONS = Pattern.compile(
            "(?i)^(das (könnte|dürfte) (sie|dich) auch interessieren|(das|dies) könnte (sie|dich) auch interessieren"
                    + "|auch interessant|ähnliche (beiträge|artikel|nachrichten|themen)|verwandte (artikel|themen|beiträge)"
                    + "|weitere (artikel|beiträge|nachrichten|themen)( zum thema)?|meistgelesen(e)?( artikel)?|meist ?gelesen"
                    + "|empfohlene (beiträge|artikel)|neueste (artikel|beiträge)|aktuellste beiträge|schon gelesen"
                    + "|mehr aus (der|dem) \\p{L}+|related (posts|articles|stories|content|reading)|you (may|might) also like"
                    + "|recommended( for you| stories| articles)?|more (stories|articles) from|read next|most (read|popular)"
                    + "|temas relacionados|notas relacionadas|noticias relacionadas|te puede interesar|lee también"
                    + "|à lire aussi|sur le même sujet|articles similaires|zobacz (też|także)|czytaj (też|także)"
                    + "|leggi anche|potrebbe interessarti"
                    + "|(das|dies) könnte (sie|dich) (auch|ebenfalls) interessieren|(zum|mehr zum) weiterlesen|lesen sie (auch|mehr)"
                    + "|mehr (themen|artikel|beiträge|nachrichten)|ähnliche \\p{L}+|weitere \\p{L}*(tipps|themen|artikel|news)"
                    + "|lust auf mehr|entdecke weitere|top[- ]themen|über (den|die) (autor|autorin)(in)?|zur (autorin|person)"
                    + "|about the author|more from|read more about|further reading|you may also|also read)\\b.{0,30}$");

    private BoilerplateLines() {}

    /** True for a line that is boilerplate wherever it stands. */
    static boolean isBoilerplate(String line) {
        int length = line.length();
        if (length < SHORT_LINE && PROMPT.matcher(line).matches()) {
            return true;
        }
        if (length < CREDIT_LINE && mayBeCredit(line) && CREDIT.matcher(line).matches()) {
            return true;
        }
        return length < SHORT_LINE && hasDigit(line) && DATE.matcher(line).matches();
    }

    /** A credit starts with a label and a colon, or a bracket, or "... by": most lines are spared the pattern. */
    private static boolean mayBeCredit(String line) {
        int colon = line.indexOf(':');
        char first = line.charAt(0);
        return colon > 0 && colon < CREDIT_LABEL_CHARS || first == '(' || first == '[' || line.regionMatches(true, 0, "photo", 0, 5);
    }

    private static boolean hasDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isDigit(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** True for the heading that opens a site's recommendations. */
    static boolean opensRecommendations(String line) {
        return line.length() < HEADING_LINE && RECOMMENDATIONS.matcher(line).matches();
    }
}
