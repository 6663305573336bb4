package org.charter.web.pages;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every table's content in a few characters: its row count and the MD5 of all its rows in a fixed order, read as
 * the database superuser, whom row-level security does not hold, so every franchise's rows count. Two equal
 * fingerprints mean nothing was written, updated or deleted in between. Sessions live in the application server's
 * data grid, not in the database. One table is left out, {@link #WRITTEN_BY_TIMERS}, and only because a timer,
 * not a request, writes it.
 */
final class DatabaseFingerprint implements AutoCloseable {

    /**
     * Tables a timer writes while requests come and go: {@code evidence_checkpoint} gets a row once a minute for
     * each franchise with new evidence (the schedule in {@code CheckpointSchedule}; every sign-in adds an audit
     * line, so a tick during a walk would write one). Its only path from a request is HQ's "checkpoint now", a
     * POST action of the audit page.
     */
    static final java.util.Set<String> WRITTEN_BY_TIMERS = java.util.Set.of("evidence_checkpoint");

    private final Connection connection;
    private final List<String> tables = new ArrayList<>();

    DatabaseFingerprint() {
        Properties superuser = new Properties();
        superuser.setProperty("user", System.getProperty("charter.test.db.admin.user", "postgres"));
        try {
            connection = new org.postgresql.Driver().connect(System.getProperty("charter.test.db.url"), superuser);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select quote_ident(c.relname) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1")) {
            while (rows.next()) {
                if (!WRITTEN_BY_TIMERS.contains(rows.getString(1))) {
                    tables.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Table name to "rows md5", for every table of the schema. */
    Map<String, String> take() {
        StringBuilder sql = new StringBuilder();
        for (String table : tables) {
            if (sql.length() > 0) {
                sql.append(" union all ");
            }
            sql.append("select '")
                    .append(table)
                    .append("', count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from ")
                    .append(table)
                    .append(" t");
        }
        Map<String, String> prints = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql.toString())) {
            while (rows.next()) {
                prints.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return prints;
    }

    /** The tables whose fingerprint differs, each with its row count before and after. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String table : names) {
            String was = before.get(table);
            String is = after.get(table);
            if (was == null || !was.equals(is)) {
                changed.add(table + " (rows " + count(was) + " -> " + count(is) + ")");
            }
        }
        return changed;
    }

    private static String count(String print) {
        return print == null ? "none" : print.substring(0, print.indexOf(' '));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
