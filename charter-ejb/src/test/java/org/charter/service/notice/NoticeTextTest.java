package org.charter.service.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.charter.model.franchise.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The words of notices exist for every kind in every language, and read their parameters in the reader's. */
class NoticeTextTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKindHasItsWordsWithTheEnglishPlaceholders(Language language) throws IOException {
        Properties english = load("notices.properties");
        Properties translated =
                load(language == Language.EN ? "notices.properties" : "notices_" + language.tag() + ".properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(translated.stringPropertyNames()));
        for (NoticeKind kind : NoticeKind.values()) {
            for (String part : new String[] {"title", "body", "action"}) {
                String key = "notice." + kind.name() + "." + part;
                assertTrue(translated.containsKey(key), language + " " + key);
                assertEquals(placeholders(english.getProperty(key)), placeholders(translated.getProperty(key)), key);
                for (String placeholder : placeholders(english.getProperty(key))) {
                    int index = Integer.parseInt(placeholder.substring(1, placeholder.length() - 1));
                    assertTrue(index < kind.params().size(), key + " asks for " + placeholder);
                }
            }
            assertTrue(translated.containsKey("kind." + kind.name()), language + " kind." + kind.name());
        }
    }

    @Test
    void datesAndSessionTimesAreWrittenOutInTheReadersLanguageOnTheStoresClock() {
        String params = "{\"version\":\"3\",\"due\":\"2027-03-31\"}";
        String english = NoticeText.body(NoticeKind.ASSIGNMENT_DUE, params, Locale.ENGLISH);
        assertTrue(english.contains("March 31, 2027"), english);
        assertTrue(english.contains("version 3"), english);
        String german = NoticeText.body(NoticeKind.ASSIGNMENT_DUE, params, Locale.GERMAN);
        assertTrue(german.contains("31. März 2027"), german);

        // 07:30 UTC on 28 March 2027 is 10:30 in Riga, which moved to summer time that night
        String session = "{\"start\":\"2027-03-28T07:30:00Z\",\"zone\":\"Europe/Riga\",\"place\":\"Back office\","
                + "\"trainer\":\"Anna\",\"store\":\"Rīga Centrs\"}";
        String title = NoticeText.title(NoticeKind.SESSION_TOMORROW, session, Locale.ENGLISH);
        assertTrue(title.contains("10:30"), title);
        assertNotEquals(title, NoticeText.title(NoticeKind.SESSION_TOMORROW, session, Locale.forLanguageTag("lv")));
    }

    @Test
    void missingParametersLeaveBlanksNotErrors() {
        String text = NoticeText.body(NoticeKind.ROLLOUT_DEADLINE, "{}", Locale.ENGLISH);
        assertFalse(text.contains("{"), text);
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = NoticeText.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
