package cn.liaocheng.rdcoverage.common.db;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;

/**
 * Hibernate's MySQL dialect, except that instants are bound as text with their microseconds
 * ({@link MicrosecondTimestampJdbcType}).
 *
 * <p>Why: MariaDB 10.x announces itself in the protocol handshake as {@code 5.5.5-10.11.x-MariaDB}; the MySQL
 * connector (9.x) reads 5.5.5, decides the server predates fractional seconds (MySQL 5.6.4) and silently drops them
 * from every bound timestamp. The columns are {@code datetime(6)} since 001, yet every stored instant came back in
 * whole seconds, so a create answered {@code …:44.123Z} and a later read {@code …:44.000Z} (issue #13). Text
 * binding works on MySQL 8 and MariaDB alike; reading is unaffected.
 */
public class FractionalSecondsMySQLDialect extends MySQLDialect {

    public FractionalSecondsMySQLDialect() {
        super();
    }

    public FractionalSecondsMySQLDialect(DatabaseVersion version) {
        super(version);
    }

    public FractionalSecondsMySQLDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                .addDescriptor(SqlTypes.TIMESTAMP_UTC, MicrosecondTimestampJdbcType.INSTANCE);
    }
}
