package org.charter.web.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes tables as CSV files that open cleanly in Excel, LibreOffice and Numbers in the user's language.
 *
 * <p>Spreadsheet programs guess the column separator from the system's number format: where a comma is the decimal
 * mark, they expect a semicolon between columns. They also treat a cell starting with {@code =}, {@code +},
 * {@code -} or {@code @} as a formula, which an attacker could use by typing such text into a field that later lands
 * in an export. Such cells get a leading apostrophe, which makes the program show the text as it is.
 */
public final class CsvExport {

    /** The UTF-8 byte order mark; without it Excel reads the file in the system's legacy code page. */
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A plain number, such as -12 or -3.5; a spreadsheet reads it as a number, so it is left alone. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(?:[.,]\\d+)?");

    private CsvExport() {}

    /**
     * UTF-8 bytes with a BOM (so spreadsheet programs read UTF-8); ';' as separator for locales whose decimal separator
     * is a comma (de, el, lv), ',' otherwise (en, ms); CRLF; a cell beginning with =, +, -, @, tab or carriage return
     * is prefixed with an apostrophe so no spreadsheet runs it as a formula.
     *
     * <p>Cells are written with {@link String#valueOf(Object)}; {@code null} becomes an empty cell. A cell that is only a
     * negative number, like {@code -12} or {@code -3.5}, keeps its minus sign without the apostrophe, as it cannot hold
     * a formula and should stay a number in the spreadsheet. Cells holding the separator, a double quote or a line
     * break are put in double quotes.
     *
     * @param locale the reader's locale; it decides the separator
     * @param header column titles, written as the first row
     * @param rows the data rows; they may differ in length
     */
    public static byte[] write(Locale locale, List<String> header, List<? extends List<?>> rows) {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rows, "rows");
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.RFC4180)
                .setDelimiter(separator(locale))
                .setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .get();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            printer.printRecord(cells(header));
            for (List<?> row : rows) {
                printer.printRecord(cells(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The column separator a spreadsheet in this locale expects. */
    static char separator(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',' ? ';' : ',';
    }

    private static List<String> cells(List<?> row) {
        List<String> cells = new ArrayList<>(row == null ? 0 : row.size());
        if (row != null) {
            for (Object cell : row) {
                cells.add(cell == null ? "" : defused(String.valueOf(cell)));
            }
        }
        return cells;
    }

    /** The text with an apostrophe in front if a spreadsheet could take it for a formula. */
    static String defused(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!risky || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}
