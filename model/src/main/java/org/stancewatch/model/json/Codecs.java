package org.stancewatch.model.json;

import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.Mention;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.model.StanceBucket;

/**
 * The codec of each record, with the schema version this build writes and reads. Raise a
 * version only for a change an older reader would misread (a renamed or retyped field); adding
 * an optional field keeps the version.
 */
public final class Codecs {
    public static final RecordCodec<Article> ARTICLE = new RecordCodec<>(Article.class, 1);
    public static final RecordCodec<Mention> MENTION = new RecordCodec<>(Mention.class, 1);
    public static final RecordCodec<StanceBucket> STANCE_BUCKET = new RecordCodec<>(StanceBucket.class, 1);
    public static final RecordCodec<Alert> ALERT = new RecordCodec<>(Alert.class, 1);
    public static final RecordCodec<SourceStatus> SOURCE_STATUS = new RecordCodec<>(SourceStatus.class, 1);
    public static final RecordCodec<DeadLetter> DEAD_LETTER = new RecordCodec<>(DeadLetter.class, 1);

    private Codecs() {}
}
