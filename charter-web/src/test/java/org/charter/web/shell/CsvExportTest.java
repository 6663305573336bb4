package org.charter.web.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvExportTest {

    private static final List<String> HEADER = List.of("Store", "Score");

    private static String text(byte[] bytes) {
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    private static List<List<String>> parse(byte[] bytes, char separator) throws IOException {
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.RFC4180)
                .setDelimiter(separator)
                .get();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text(bytes)), format)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    @Test
    void startsWithTheUtf8ByteOrderMark() {
        byte[] bytes = CsvExport.write(Locale.ENGLISH, HEADER, List.of());
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertEquals("Store,Score\r\n", text(bytes));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"en|,", "ms|,", "de|;", "lv|;", "el|;"})
    void separatorFollowsTheLocalesDecimalMark(String language, char separator) {
        byte[] bytes = CsvExport.write(
                Locale.forLanguageTag(language), HEADER, List.of(List.of("Riga", "4.5"), List.of("Kuala Lumpur", 3)));
        assertEquals(
                "Store" + separator + "Score\r\n" + "Riga" + separator + "4.5\r\n" + "Kuala Lumpur" + separator
                        + "3\r\n",
                text(bytes));
    }

    @Test
    void cellsWithSeparatorQuotesOrLineBreaksAreQuoted() throws IOException {
        String tricky = "Say \"hello\"; then, smile\nand wave";
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            char separator = locale == Locale.ENGLISH ? ',' : ';';
            byte[] bytes = CsvExport.write(locale, HEADER, List.of(List.of(tricky, "x")));
            assertEquals(
                    "Store" + separator + "Score\r\n\"Say \"\"hello\"\"; then, smile\nand wave\"" + separator + "x\r\n",
                    text(bytes));
            assertEquals(List.of(HEADER, List.of(tricky, "x")), parse(bytes, separator));
        }
    }

    @Test
    void formulaCellsAreNeutralised() throws IOException {
        List<String> risky = List.of(
                "=HYPERLINK(\"http://evil\")", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\tTab", "\rReturn");
        byte[] bytes = CsvExport.write(Locale.ENGLISH, List.of("a", "b", "c", "d", "e", "f"), List.of(risky));
        List<String> row = parse(bytes, ',').get(1);
        for (int i = 0; i < risky.size(); i++) {
            assertEquals("'" + risky.get(i), row.get(i));
        }
    }

    @Test
    void harmlessCellsAreLeftAlone() throws IOException {
        List<Object> cells =
                Arrays.asList("Plain", "a=b", "-12", "-3.5", new BigDecimal("-7.25"), -4, null, "", "'quoted");
        byte[] bytes =
                CsvExport.write(Locale.ENGLISH, List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), List.of(cells));
        assertEquals(
                List.of("Plain", "a=b", "-12", "-3.5", "-7.25", "-4", "", "", "'quoted"),
                parse(bytes, ',').get(1));
        assertTrue(text(bytes).endsWith("\r\nPlain,a=b,-12,-3.5,-7.25,-4,,,'quoted\r\n"), text(bytes));
    }

    @Test
    void greekAndLatvianTextRoundTrips() throws IOException {
        List<String> header = List.of("Κατάστημα", "Vērtējums");
        List<List<String>> rows = List.of(
                List.of("Αθήνα, Σύνταγμα", "Πολύ καλή εξυπηρέτηση"), List.of("Rīga; Brīvības iela", "Ļoti labi"));
        byte[] bytes = CsvExport.write(Locale.forLanguageTag("el"), header, rows);
        List<List<String>> parsed = parse(bytes, ';');
        assertEquals(header, parsed.get(0));
        assertEquals(rows, parsed.subList(1, 3));
        assertTrue(text(bytes).contains("Αθήνα, Σύνταγμα;"), "a comma needs no quotes when ';' separates");
    }

    @Test
    void rowsMayBeShorterOrLongerThanTheHeader() throws IOException {
        byte[] bytes = CsvExport.write(Locale.ENGLISH, HEADER, List.of(List.of("only"), List.of("a", "b", "c")));
        assertEquals("Store,Score\r\nonly\r\na,b,c\r\n", text(bytes));
    }
}
