package cn.liaocheng.rdcoverage.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Instants in datetime(6)/timestamp(6) columns as UTC wall-clock time, as Hibernate writes them (jdbc.timezone=UTC). */
public final class UtcTimes {
    private UtcTimes() {
    }

    public static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * Binds an instant with its microseconds, as text (see common.db.FractionalSecondsMySQLDialect: bound as a
     * temporal value, the MySQL connector drops the fraction on MariaDB 10.x).
     */
    public static void bind(java.sql.PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, java.sql.Types.TIMESTAMP);
        } else {
            ps.setString(index, cn.liaocheng.rdcoverage.common.db.MicrosecondTimestampJdbcType.TEXT.format(at));
        }
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime v = rs.getObject(column, LocalDateTime.class);
        return v == null ? null : v.toInstant(ZoneOffset.UTC);
    }
}
