package org.stancewatch.analyze.stance.training;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence of a NewsMTSC-format file with its targets.
 *
 * @param primaryGid the sentence's {@code primary_gid}
 * @param sentence   {@code sentence_normalized}
 * @param targets    its targets
 */
public record NewsMtscSentence(String primaryGid, String sentence, List<NewsMtscTarget> targets) {

    // allsides_<article>_<story>_<sentence>_... and polusa_v1_<article>_<part>_<sentence>_...
    private static final Pattern ARTICLE = Pattern.compile("^(allsides_\\d+_\\d+|polusa_v\\d+_\\d+_-?\\d+)_\\d+_");

    public NewsMtscSentence {
        targets = List.copyOf(targets);
    }

    /**
     * The article the sentence comes from: the middle numbers of {@code primary_gid}. Held-out
     * splits go by this key, so that sentences of one article never sit on both sides. An id of
     * another form is its own article.
     */
    public String articleKey() {
        Matcher matcher = ARTICLE.matcher(primaryGid);
        return matcher.find() ? matcher.group(1) : primaryGid;
    }
}
