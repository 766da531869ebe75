package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where the change feed stands: the last position handed out ({@link Sequencer}) and the position it is purged through
 * ({@link Retention}); a cursor below {@code purgedThrough} is no longer retained. The one row of {@code event_sequence}.
 *
 * @param last          the last position (0 before the first event)
 * @param purgedThrough every position up to this one is deleted (0 before the first purge)
 */
public record FeedMark(long last, long purgedThrough) {
    /** Reads the mark on {@code c}, in the caller's transaction. */
    public static FeedMark read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select last_position, purged_through from event_sequence where id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new FeedMark(rs.getLong(1), rs.getLong(2));
        }
    }

    /**
     * A cursor past the last position was never handed out (one of another database, or mistyped). Taken as it is,
     * a reader would skip every event up to it when the feed gets there, so it is a 400 naming {@code field}
     * ({@code field.OUT_OF_RANGE.cursor-beyond}) wherever a cursor is given: the feed, a subscription's start and
     * its redelivery.
     */
    public void requireNotBeyond(String field, long cursor) {
        if (cursor > last) {
            throw ApiException.invalid(field, FieldMessage.of("is beyond the end of the feed (" + last + ")", "field.OUT_OF_RANGE.cursor-beyond", last));
        }
    }
}
