package org.charter.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.charter.model.charter.SectionKind;
import org.charter.model.charter.TargetUnit;
import org.charter.model.charter.TranslationStatus;
import org.charter.model.charter.VersionStatus;
import org.charter.model.charter.Visibility;
import org.charter.model.franchise.Language;
import org.charter.model.people.PersonStatus;
import org.charter.model.store.ChannelKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every screen text exists in every language, with the same placeholders, and no page asks for a missing key. */
class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern KEY_IN_PAGE = Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");
    private static final Pattern KEY_IN_CODE =
            Pattern.compile("(?:Texts\\.(?:info|error)|BusinessException|super)\\(\\s*\"([a-zA-Z0-9_.]+)\"");
    private static final Pattern AUDIT_ACTION = Pattern.compile("audit\\.record\\(\\s*\"([a-zA-Z0-9_.]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"messages", "faces"})
    void everyLanguageHasEveryKeyWithTheSamePlaceholders(String bundle) throws IOException {
        Properties english = load(bundle + ".properties");
        assertFalse(english.isEmpty());
        for (Language language : Language.values()) {
            if (language == Language.EN) {
                continue;
            }
            Properties translated = load(bundle + "_" + language.tag() + ".properties");
            assertEquals(
                    new TreeSet<>(english.stringPropertyNames()),
                    new TreeSet<>(translated.stringPropertyNames()),
                    bundle + "_" + language.tag());
            for (String key : english.stringPropertyNames()) {
                assertEquals(
                        placeholders(english.getProperty(key)),
                        placeholders(translated.getProperty(key)),
                        language.tag() + " " + key);
                if (!placeholders(translated.getProperty(key)).isEmpty()) {
                    assertFalse(
                            translated.getProperty(key).contains("'"),
                            "MessageFormat quote in " + language.tag() + " " + key);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void everyKeyThePagesAndServicesUseExists() throws IOException {
        Properties english = load("messages.properties");
        List<String> missing = new ArrayList<>();
        for (String key : keysUsed()) {
            if (!english.containsKey(key)) {
                missing.add(key);
            }
        }
        assertTrue(missing.isEmpty(), "missing in messages.properties: " + missing);
    }

    private static Set<String> keysUsed() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                collect(KEY_IN_PAGE, Files.readString(page), keys, "");
            }
        }
        for (String module : List.of("../charter-model", "../charter-ejb", ".")) {
            try (Stream<Path> sources = Files.walk(Path.of(module, "src/main/java"))) {
                for (Path source :
                        sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(source);
                    collect(KEY_IN_CODE, code, keys, "");
                    collect(AUDIT_ACTION, code, keys, "audit.action.");
                }
            }
        }
        for (PersonStatus status : PersonStatus.values()) {
            keys.add("status." + status);
        }
        keys.add("status.SUSPENDED");
        for (ChannelKind kind : ChannelKind.values()) {
            keys.add("channel." + kind);
        }
        for (Enum<?> value : List.<Enum<?>[]>of(
                        SectionKind.values(),
                        TranslationStatus.values(),
                        Visibility.values(),
                        TargetUnit.values(),
                        VersionStatus.values())
                .stream()
                .flatMap(java.util.Arrays::stream)
                .toList()) {
            String prefix = switch (value.getClass().getSimpleName()) {
                case "SectionKind" -> "section.";
                case "TranslationStatus" -> "translation.";
                case "Visibility" -> "visibility.";
                case "TargetUnit" -> "unit.";
                default -> "versionStatus.";
            };
            keys.add(prefix + value.name());
        }
        keys.remove("section.");
        return keys;
    }

    private static void collect(Pattern pattern, String text, Set<String> keys, String prefix) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            keys.add(prefix + matcher.group(1));
        }
    }

    private static List<String> placeholders(String value) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        found.sort(null);
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/charter/web/i18n/" + name)) {
            if (in == null) {
                throw new IOException("no bundle " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
