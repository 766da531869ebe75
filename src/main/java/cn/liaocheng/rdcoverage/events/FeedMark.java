package cn.liaocheng.rdcoverage.events;

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
}
