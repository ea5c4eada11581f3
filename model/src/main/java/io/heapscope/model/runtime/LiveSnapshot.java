package io.heapscope.model.runtime;

import io.heapscope.model.inspector.InspectorConnection;
import io.heapscope.model.inspector.InspectorException;
import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotLoader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes a heap snapshot over the inspector ({@code HeapProfiler.takeHeapSnapshot}): the text arrives as
 * {@code addHeapSnapshotChunk} events and goes straight into the streaming {@link SnapshotLoader}, and into a file
 * at the same time if asked, never into one big buffer.
 */
public final class LiveSnapshot {
    public static final String TAKE_PHASE = "Taking snapshot";

    private LiveSnapshot() {
    }

    /**
     * @param saveTo also writes the text to this file (exactly what DevTools' "Save profile" would), or {@code null}
     */
    public static HeapSnapshot take(RuntimeSession session, ProgressMonitor monitor, Path saveTo)
            throws IOException {
        InspectorConnection connection = session.connection();
        connection.call("HeapProfiler.enable", null);
        monitor.beginPhase(TAKE_PHASE, -1);
        SnapshotLoader loader = new SnapshotLoader(ProgressMonitor.none());
        ChunkSink sink = new ChunkSink(loader, saveTo == null ? null
                : Files.newBufferedWriter(saveTo, StandardCharsets.UTF_8));
        Runnable stopChunks = connection.onEvent("HeapProfiler.addHeapSnapshotChunk",
                params -> sink.accept(params.path("chunk").asText()));
        Runnable stopProgress = connection.onEvent("HeapProfiler.reportHeapSnapshotProgress", params -> {
            long total = params.path("total").asLong(-1);
            monitor.beginPhase(TAKE_PHASE, total);
            monitor.progress(params.path("done").asLong());
        });
        try {
            CompletableFuture<?> reply = connection.send("HeapProfiler.takeHeapSnapshot",
                    InspectorConnection.params().put("reportProgress", true).put("captureNumericValue", false));
            awaitUnlessCancelled(reply, monitor, loader);
            sink.finish();
            return loader.result();
        } catch (IOException | RuntimeException e) {
            loader.cancel();
            sink.abandon();
            if (saveTo != null) {
                Files.deleteIfExists(saveTo);
            }
            throw e;
        } finally {
            stopChunks.run();
            stopProgress.run();
        }
    }

    private static void awaitUnlessCancelled(CompletableFuture<?> reply, ProgressMonitor monitor,
                                             SnapshotLoader loader) throws InspectorException {
        while (true) {
            if (monitor.isCancelled()) {
                throw new CancelledException();
            }
            try {
                reply.get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                // poll cancellation again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InspectorException("interrupted while taking a snapshot");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof InspectorException inspector ? inspector
                        : new InspectorException("taking a snapshot failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /**
     * Receives the chunks on the socket's thread. The first failure (parser or file) is kept and reported when
     * the snapshot ends, since an event handler has nobody to throw to.
     */
    private static final class ChunkSink {
        private final SnapshotLoader loader;
        private final Writer file;
        private IOException failure;

        ChunkSink(SnapshotLoader loader, Writer file) {
            this.loader = loader;
            this.file = file;
        }

        void accept(String chunk) {
            if (failure != null) {
                return;
            }
            try {
                if (file != null) {
                    file.write(chunk);
                }
                loader.write(chunk);
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new IOException(e.getMessage(), e);
            }
        }

        void finish() throws IOException {
            if (file != null) {
                file.close();
            }
            if (failure != null) {
                throw failure;
            }
            loader.close();
        }

        void abandon() {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // the snapshot failed already; that error is the one to report
                }
            }
        }
    }
}
