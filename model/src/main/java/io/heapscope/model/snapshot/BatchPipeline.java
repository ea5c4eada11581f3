package io.heapscope.model.snapshot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Hands batches of numbers from the scanner (this thread) to a consumer on a second thread, so scanning the text and
 * filling the columns run on both cores at once. A few batches circulate between a free and a full queue; nothing
 * is allocated per batch. A failure on the consumer side reaches the scanner at its next hand-off.
 */
final class BatchPipeline {
    private static final int BATCHES = 4;
    private static final Batch END = new Batch(new int[0]);

    /** Receives the numbers of one section, in order. Runs on the consumer thread. */
    interface Consumer {
        void accept(int[] numbers, int length) throws IOException;
    }

    static final class Batch {
        final int[] numbers;
        int length;

        private Batch(int[] numbers) {
            this.numbers = numbers;
        }
    }

    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final Future<?> consumer;

    BatchPipeline(ExecutorService executor, int batchSize, Consumer sink) {
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch(new int[batchSize]));
        }
        consumer = executor.submit(() -> {
            while (true) {
                Batch batch = full.take();
                if (batch == END) {
                    return null;
                }
                sink.accept(batch.numbers, batch.length);
                free.put(batch);
            }
        });
    }

    /** An empty batch to fill; throws the consumer's failure if it has failed. */
    Batch take() throws IOException {
        try {
            while (true) {
                Batch batch = free.poll(20, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    batch.length = 0;
                    return batch;
                }
                if (consumer.isDone()) {
                    finish();
                }
            }
        } catch (InterruptedException e) {
            consumer.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading a snapshot");
        }
    }

    void put(Batch batch) {
        full.add(batch);
    }

    /** Waits until the consumer has taken every batch; rethrows its failure. */
    void finish() throws IOException {
        full.add(END);
        Futures.await(consumer);
    }

    /** Stops the consumer after a failure on the scanning side. */
    void abandon() {
        consumer.cancel(true);
    }
}
