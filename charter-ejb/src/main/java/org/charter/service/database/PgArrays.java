package org.charter.service.database;

import java.util.List;

/**
 * A list as one PostgreSQL array literal ({@code {"a","b",NULL}}), bound as a single text parameter and cast in
 * the statement: a whole file's rows go to the database in one statement, whatever their number.
 */
public final class PgArrays {

    private PgArrays() {}

    public static String literal(List<?> values) {
        StringBuilder array = new StringBuilder(values.size() * 40 + 2).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                array.append(',');
            }
            Object value = values.get(i);
            if (value == null) {
                array.append("NULL");
                continue;
            }
            array.append('"');
            String text = value.toString();
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                if (ch == '"' || ch == '\\') {
                    array.append('\\');
                }
                array.append(ch);
            }
            array.append('"');
        }
        return array.append('}').toString();
    }
}
