package org.stancewatch.analyze.nlp;

import java.io.Serializable;

/**
 * One token as CoreNLP annotated it.
 *
 * @param word  the token as written
 * @param lemma its lemma
 * @param tag   Penn Treebank part-of-speech tag
 * @param ner   coarse named-entity class (PERSON, LOCATION, ORGANIZATION, O)
 * @param begin character offset of its first character in the analysed text
 * @param end   character offset just after its last character
 */
public record ParsedToken(String word, String lemma, String tag, String ner, int begin, int end)
        implements Serializable {

    /** True for nouns, verbs, adjectives and adverbs: the words that can carry sentiment. */
    public boolean isContentWord() {
        return tag.startsWith("NN") || tag.startsWith("VB") || tag.startsWith("JJ") || tag.startsWith("RB");
    }
}
