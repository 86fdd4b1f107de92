package org.stancewatch.analyze.stance.training;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.stancewatch.analyze.nlp.NlpPipeline;
import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.analyze.nlp.SentenceConverter;

/**
 * The sentences of a data set run through the full CoreNLP pipeline (one sentence per text), in
 * parallel, with progress reports; optionally kept in a cache file so that retraining with other
 * settings does not parse again. The cache is only used when it was made from a file of the same
 * size and sentence count.
 */
public final class ParsedCorpus {

    // 2: dependencies from the neural dependency parser
    private static final String CACHE_VERSION = "stancewatch-parsed-corpus/2";

    /**
     * What a parse cache may hold: the parsed sentences and the lists and values inside them, and
     * nothing else. A cache is a file a user may have been handed; Java deserialization of any
     * other class could run that class's code.
     */
    static final ObjectInputFilter CACHE_FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=12;maxrefs=20000000;org.stancewatch.analyze.nlp.ParsedSentence;"
                    + "org.stancewatch.analyze.nlp.ParsedToken;org.stancewatch.analyze.nlp.PhraseNode;"
                    + "org.stancewatch.analyze.nlp.Dependency;java.util.ArrayList;java.util.ImmutableCollections$*;"
                    + "java.util.CollSer;java.lang.String;java.lang.Integer;java.lang.Number;java.lang.Object;[F;!*");

    private ParsedCorpus() {
    }

    /** Parses every sentence; {@code progress} hears a line now and then. */
    public static List<ParsedSentence> parse(List<NewsMtscSentence> sentences, NlpPipeline pipeline, int threads,
                                             Consumer<String> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        try {
            List<Future<ParsedSentence>> futures = new ArrayList<>();
            for (NewsMtscSentence sentence : sentences) {
                futures.add(pool.submit(() -> {
                    ParsedSentence parsed = parseOne(sentence.sentence(), pipeline);
                    int count = done.incrementAndGet();
                    if (count % 500 == 0 || count == sentences.size()) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        progress.accept(String.format("parsed %d of %d sentences (%.1f/s)", count, sentences.size(),
                                count / seconds));
                    }
                    return parsed;
                }));
            }
            List<ParsedSentence> parsed = new ArrayList<>(sentences.size());
            for (Future<ParsedSentence> future : futures) {
                parsed.add(future.get());
            }
            return parsed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("parsing failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One text, read as a single sentence, through every stage of the pipeline. */
    public static ParsedSentence parseOne(String text, NlpPipeline pipeline) {
        Annotation annotation = pipeline.split(text);
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        pipeline.annotateTags(sentences);
        pipeline.annotateDeep(sentences);
        return SentenceConverter.convert(sentences.getFirst());
    }

    /** The cached parses for {@code data}, or null when there is no cache that fits. */
    @SuppressWarnings("unchecked")
    public static List<ParsedSentence> readCache(Path cache, Path data, int sentenceCount) {
        if (cache == null || !Files.isRegularFile(cache)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(cache);
             ObjectInputStream objects = new ObjectInputStream(new GZIPInputStream(in))) {
            objects.setObjectInputFilter(CACHE_FILTER);
            if (!CACHE_VERSION.equals(objects.readUTF()) || objects.readLong() != Files.size(data)) {
                return null;
            }
            List<ParsedSentence> parsed = (List<ParsedSentence>) objects.readObject();
            return parsed.size() == sentenceCount ? parsed : null;
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            // InvalidClassException (refused by the filter) is an IOException: the cache is not used.
            return null;
        }
    }

    public static void writeCache(Path cache, Path data, List<ParsedSentence> parsed) {
        try {
            if (cache.getParent() != null) {
                Files.createDirectories(cache.getParent());
            }
            try (OutputStream out = Files.newOutputStream(cache);
                 ObjectOutputStream objects = new ObjectOutputStream(new GZIPOutputStream(out))) {
                objects.writeUTF(CACHE_VERSION);
                objects.writeLong(Files.size(data));
                objects.writeObject(new ArrayList<>(parsed));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parse cache " + cache + ": " + e.getMessage(), e);
        }
    }
}
