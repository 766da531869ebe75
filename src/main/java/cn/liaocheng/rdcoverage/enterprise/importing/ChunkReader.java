package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.FieldMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads, validates and de-duplicates the file's records on a thread of its own, a chunk ahead of the writer, which
 * has to stay on the request's thread (the transaction's connection is bound to it). Parsing and validating the next
 * chunk so overlaps the database's work on the previous one. At most one chunk waits to be taken, so memory stays at
 * a few chunks; the reader owns the {@link RowReader} from its start and closes it when it ends. The thread is a
 * plain one on purpose: it must not join the request's transaction or contexts, and touches neither.
 */
final class ChunkReader implements AutoCloseable {
    /**
     * Records read up to the end of a chunk (or of the file): the valid rows, the problems found in order, and how
     * many problems were found beyond the first {@code maxErrors} of the whole file (those are only counted).
     * {@code failure} ends the file with a problem of the file itself.
     */
    record Chunk(List<ImportRow> rows, List<ImportError> errors, long received, long rejected, long errorsOmitted,
                 boolean last, Throwable failure) {
    }

    private final BlockingQueue<Chunk> handOver = new ArrayBlockingQueue<>(1);
    private final Thread thread;
    private volatile boolean stopped;

    private ChunkReader(RowReader reader, RowValidator validator, int chunk, int maxErrors) {
        thread = new Thread(() -> read(reader, validator, chunk, maxErrors), "import-reader");
        thread.setDaemon(true);
    }

    /** Starts reading {@code reader}'s records into chunks of {@code chunk} valid rows. */
    static ChunkReader start(RowReader reader, RowValidator validator, int chunk, int maxErrors) {
        ChunkReader r = new ChunkReader(reader, validator, chunk, maxErrors);
        r.thread.start();
        return r;
    }

    /** The next chunk; the one with {@code last} set ends the file. */
    Chunk next() {
        try {
            while (true) {
                Chunk c = handOver.poll(1, TimeUnit.SECONDS);
                if (c != null) {
                    return c;
                }
                if (!thread.isAlive() && handOver.isEmpty()) {
                    throw new IllegalStateException("the import's reader ended without a last chunk");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the import's rows", e);
        }
    }

    /** Stops reading (when the import ends early); does not wait for the reader to notice. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }

    private void read(RowReader reader, RowValidator validator, int chunk, int maxErrors) {
        try (reader) {
            // the line of each credit code's first row, per year (a file may hold several years)
            Map<Integer, Map<String, Long>> seen = new HashMap<>();
            List<ImportRow> rows = new ArrayList<>(chunk);
            List<ImportError> errors = new ArrayList<>();
            List<ImportError> rowErrors = new ArrayList<>(4);
            long received = 0;
            long rejected = 0;
            long omitted = 0;
            long errorsPassed = 0;
            RawRow raw;
            while (!stopped && (raw = reader.next()) != null) {
                received++;
                rowErrors.clear();
                ImportRow row = validator.validate(raw, rowErrors);
                if (row != null) {
                    Long first = seen.computeIfAbsent(row.year(), y -> new HashMap<>()).putIfAbsent(row.creditCode(), row.line());
                    if (first != null) {
                        rowErrors.add(new ImportError(row.line(), "creditCode", FieldMessage.of("repeats " + row.creditCode()
                                + " for year " + row.year() + " of line " + first, "field.DUPLICATE.import-row",
                                row.creditCode(), row.year(), first)));
                        row = null;
                    }
                }
                if (row == null) {
                    rejected++;
                    for (ImportError e : rowErrors) {
                        // beyond the first maxErrors found here, none can be among the first maxErrors listed
                        if (errorsPassed < maxErrors) {
                            errors.add(e);
                            errorsPassed++;
                        } else {
                            omitted++;
                        }
                    }
                    continue;
                }
                rows.add(row);
                if (rows.size() >= chunk) {
                    hand(new Chunk(rows, errors, received, rejected, omitted, false, null));
                    rows = new ArrayList<>(chunk);
                    errors = new ArrayList<>();
                    received = 0;
                    rejected = 0;
                    omitted = 0;
                }
            }
            hand(new Chunk(rows, errors, received, rejected, omitted, true, null));
        } catch (InterruptedException e) {
            // stopped by close()
        } catch (Throwable e) {
            try {
                hand(new Chunk(List.of(), List.of(), 0, 0, 0, true, e));
            } catch (InterruptedException stoppedMeanwhile) {
                // nobody waits any more
            }
        }
    }

    /** Waits until the writer takes {@code c}, unless the import was stopped (then nobody will). */
    private void hand(Chunk c) throws InterruptedException {
        while (!stopped) {
            if (handOver.offer(c, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }
}
