package cn.liaocheng.rdcoverage.common.db;

import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsJdbcTimestampJdbcType;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A UTC instant bound as the text {@code 2026-11-30 08:15:02.123456} (microseconds, the precision of the
 * {@code datetime(6)} columns), read back like Hibernate's own {@link TimestampUtcAsJdbcTimestampJdbcType}.
 * See {@link FractionalSecondsMySQLDialect} for why.
 */
public class MicrosecondTimestampJdbcType extends TimestampUtcAsJdbcTimestampJdbcType {
    public static final MicrosecondTimestampJdbcType INSTANCE = new MicrosecondTimestampJdbcType();

    /** The literal text a timestamp column of MySQL, MariaDB and H2 reads as that instant in UTC. */
    public static final DateTimeFormatter TEXT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setString(index, TEXT.format(javaType.unwrap(value, Instant.class, options)));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                st.setString(name, TEXT.format(javaType.unwrap(value, Instant.class, options)));
            }
        };
    }
}
