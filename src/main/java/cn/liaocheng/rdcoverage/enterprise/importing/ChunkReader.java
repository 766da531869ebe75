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
            // the line (JSON: the index) of each credit code's first row, per year (a file may hold several years)
            Map<Integer, Map<String, Long>> seen = new HashMap<>();
            Pending pending = new Pending(chunk, maxErrors);
            List<ImportError> rowErrors = new ArrayList<>(4);
            RawRow raw;
            while (!stopped && (raw = reader.next()) != null) {
                rowErrors.clear();
                ImportRow row = firstOfItsYear(validator.validate(raw, rowErrors), seen, rowErrors);
                long index = raw.index();
                rowErrors.replaceAll(e -> e.at(index)); // a JSON record's errors name it (a table's row: unchanged)
                if (pending.add(row, rowErrors)) {
                    hand(pending.take(false));
                }
            }
            hand(pending.take(true));
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

    /** {@code row}, or null with a row error when the file already had its credit code for its year. */
    private static ImportRow firstOfItsYear(ImportRow row, Map<Integer, Map<String, Long>> seen, List<ImportError> rowErrors) {
        if (row == null) {
            return null;
        }
        // a table's rows by line; a JSON upload's records by index (one line may hold them all)
        boolean json = row.index() >= 0;
        Long first = seen.computeIfAbsent(row.year(), y -> new HashMap<>()).putIfAbsent(row.creditCode(),
                json ? row.index() : row.line());
        if (first == null) {
            return row;
        }
        rowErrors.add(new ImportError(row.line(), "creditCode", json
                ? FieldMessage.of("repeats " + row.creditCode() + " for year " + row.year() + " of record " + first
                + " (index from 0)", "field.DUPLICATE.import-record", row.creditCode(), row.year(), first)
                : FieldMessage.of("repeats " + row.creditCode() + " for year " + row.year() + " of line " + first,
                "field.DUPLICATE.import-row", row.creditCode(), row.year(), first)));
        return null;
    }

    /** The chunk being filled: its valid rows, its row errors (the first maxErrors of the whole file) and its counts. */
    private static final class Pending {
        private final int chunk;
        private final int maxErrors;
        private List<ImportRow> rows;
        private List<ImportError> errors = new ArrayList<>();
        private long received;
        private long rejected;
        private long omitted;
        private long errorsPassed; // over the whole file

        Pending(int chunk, int maxErrors) {
            this.chunk = chunk;
            this.maxErrors = maxErrors;
            this.rows = new ArrayList<>(chunk);
        }

        /** Counts a row read: {@code row} kept, or (null) rejected with {@code rowErrors}. True when the chunk is full. */
        boolean add(ImportRow row, List<ImportError> rowErrors) {
            received++;
            if (row != null) {
                rows.add(row);
                return rows.size() >= chunk;
            }
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
            return false;
        }

        /** The chunk as filled so far, and a fresh one to fill. */
        Chunk take(boolean last) {
            Chunk c = new Chunk(rows, errors, received, rejected, omitted, last, null);
            rows = new ArrayList<>(chunk);
            errors = new ArrayList<>();
            received = 0;
            rejected = 0;
            omitted = 0;
            return c;
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
