package org.stancewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.junit.jupiter.api.Test;

class ConsumerStageTest {
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    @Test
    void stopEndsTheLoopAfterTheStagesLastStepAndClosesTheConsumer() {
        CountingStage stage = new CountingStage(consumer, 0);
        stage.start("counting-stage");
        await().atMost(Duration.ofSeconds(10)).until(() -> stage.batches.get() > 3);

        stage.stopAndWait(Duration.ofSeconds(10));

        assertThat(stage.isRunning()).isFalse();
        assertThat(stage.failure()).isNull();
        assertThat(stage.closingStepRan).isTrue();
        assertThat(consumer.closed()).isTrue();
        assertThat(consumer.subscription()).containsExactly("counted");
    }

    @Test
    void anErrorInABatchEndsTheLoopAndIsKept() throws InterruptedException {
        CountingStage stage = new CountingStage(consumer, 2);
        stage.start("failing-stage");

        stage.awaitStop();

        assertThat(stage.failure()).isInstanceOf(IllegalStateException.class).hasMessage("batch 2 broke");
        assertThat(stage.closingStepRan).isTrue();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void anErrorFoundOutsideTheLoopStopsItToo() {
        CountingStage stage = new CountingStage(consumer, 0);
        stage.start("stopped-stage");
        IllegalStateException elsewhere = new IllegalStateException("the sink refused");

        stage.stopFor(elsewhere);

        await().atMost(Duration.ofSeconds(10)).until(() -> !stage.isRunning());
        assertThat(stage.failure()).isSameAs(elsewhere);
    }

    /** Counts its batches; fails on the batch numbered {@code failAt} (0: never). */
    private static final class CountingStage extends ConsumerStage {
        final AtomicInteger batches = new AtomicInteger();
        private final int failAt;
        volatile boolean closingStepRan;

        CountingStage(MockConsumer<byte[], byte[]> consumer, int failAt) {
            super(consumer, "counting stage");
            this.failAt = failAt;
        }

        @Override
        protected void subscribe() {
            consumer.subscribe(List.of("counted"));
        }

        @Override
        protected void handleBatch(ConsumerRecords<byte[], byte[]> records) {
            if (batches.incrementAndGet() == failAt) {
                throw new IllegalStateException("batch " + failAt + " broke");
            }
        }

        @Override
        protected void beforeClose() {
            closingStepRan = true;
        }
    }
}
