package org.charter.service.database;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading the columns of native query rows, whichever Java type the driver chose for them. */
public final class Rows {

    private Rows() {}

    public static OffsetDateTime instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    /** A timestamp without zone, such as {@code … at time zone 'Europe/Riga'}: a wall-clock time. */
    public static java.time.LocalDateTime localTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.LocalDateTime time) {
            return time;
        }
        return ((Timestamp) value).toLocalDateTime();
    }

    public static LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((Date) value).toLocalDate();
    }

    public static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    /** A native statement with the hint EclipseLink wants for SQL of its own (casts, CTEs, {@code unnest}). */
    public static jakarta.persistence.Query nativeQuery(jakarta.persistence.EntityManager em, String sql) {
        return em.createNativeQuery(sql)
                .setHint(org.eclipse.persistence.config.QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    }

    /** The rows of a native query of two or more columns. */
    @SuppressWarnings("unchecked")
    public static java.util.List<Object[]> list(jakarta.persistence.Query query) {
        return query.getResultList();
    }
}
