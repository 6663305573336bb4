package org.charter.service.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.charter.model.common.BusinessException;

/**
 * A spreadsheet saved as CSV, as people's spreadsheets save it: UTF-8 with or without a byte order mark, fields
 * separated by commas, or by semicolons as Excel does where the comma is the decimal sign (German, Greek,
 * Latvian), a header line naming the columns in any of the product's languages.
 */
public final class CsvTable {

    /** The most lines one file may have. */
    public static final int MAX_LINES = 200_000;

    private final List<Line> lines;

    /** One line of the file: its number as a spreadsheet shows it (the header is line 1) and its fields by column. */
    public record Line(int number, Map<String, String> fields) {

        public String get(String column) {
            String value = fields.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private CsvTable(List<Line> lines) {
        this.lines = lines;
    }

    public List<Line> lines() {
        return lines;
    }

    /**
     * Reads {@code bytes} whose header names columns of {@code columns} (by their key, or by any label in
     * {@code labels}, a label to key map); refuses a file that is not UTF-8, has no header, names a column twice
     * or not at all, or lacks one of {@code required}.
     */
    public static CsvTable read(byte[] bytes, Set<String> columns, Set<String> required, Map<String, String> labels) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new BusinessException("import.empty");
        }
        char delimiter = delimiter(firstLine(text));
        Map<String, String> byName = new LinkedHashMap<>();
        columns.forEach(column -> byName.put(normal(column), column));
        labels.forEach((label, column) -> byName.putIfAbsent(normal(label), column));
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = null;
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = header(record, byName, required);
                    continue;
                }
                if (isBlank(record)) {
                    continue;
                }
                if (lines.size() == MAX_LINES) {
                    throw new BusinessException("import.tooManyLines", MAX_LINES);
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    fields.put(header.get(i), record.get(i));
                }
                lines.add(new Line((int) record.getRecordNumber(), fields));
            }
            return new CsvTable(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a quote that never closes this way
            throw new BusinessException("import.malformed", String.valueOf(e.getMessage()));
        }
    }

    private static List<String> header(CSVRecord record, Map<String, String> byName, Set<String> required) {
        List<String> header = new ArrayList<>();
        for (String name : record) {
            String column = byName.get(normal(name));
            if (column == null) {
                throw new BusinessException(
                        "import.unknownColumn", name, String.join(", ", new java.util.TreeSet<>(byName.values())));
            }
            if (header.contains(column)) {
                throw new BusinessException("import.columnTwice", name);
            }
            header.add(column);
        }
        for (String column : required) {
            if (!header.contains(column)) {
                throw new BusinessException("import.missingColumn", column);
            }
        }
        return header;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BusinessException("import.notUtf8");
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The separator the header uses most: semicolon, comma or tab. */
    static char delimiter(String header) {
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /** A column name as compared: lower case, accents and separators ignored ("E-mail", "email", "E Mail"). */
    static String normal(String name) {
        String plain = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replaceAll("[\\s_.\\-()]+", "");
    }
}
