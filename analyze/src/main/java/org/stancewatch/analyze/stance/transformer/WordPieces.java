package org.stancewatch.analyze.stance.transformer;

/**
 * A text cut into the model's word pieces: each piece's vocabulary id and the characters of the
 * text it stands for ({@code begin} inclusive, {@code end} exclusive, Java string offsets).
 */
record WordPieces(long[] ids, int[] begin, int[] end) {

    int size() {
        return ids.length;
    }

    /** The first piece that overlaps characters [from, to), or -1 when none does. */
    int firstOverlapping(int from, int to) {
        for (int i = 0; i < ids.length; i++) {
            if (begin[i] < to && end[i] > from) {
                return i;
            }
        }
        return -1;
    }

    /** The piece after the last one that overlaps characters [from, to), or -1 when none does. */
    int endOfOverlapping(int from, int to) {
        for (int i = ids.length - 1; i >= 0; i--) {
            if (begin[i] < to && end[i] > from) {
                return i + 1;
            }
        }
        return -1;
    }
}
