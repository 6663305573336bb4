package org.charter.service.rollout;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.charter.model.franchise.Language;

/**
 * The declaration a person signs under a version, in the language they read it in. The service renders it, so
 * every device and page (their own phone, a manager's tablet in a session, a retraining) records the same words
 * for the same version and language.
 */
public final class Statements {

    /** Stands for the version's number in a template the database completes in the statement that signs. */
    static final String NUMBER = "{#}";

    private static final String BUNDLE = "org.charter.service.rollout.statements";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Statements() {}

    /** What a person declares when they sign a version they were assigned. */
    public static String training(Language language, int number) {
        return render("training", language, String.valueOf(number));
    }

    /** What a person declares when they sign a retraining on a version. */
    public static String retraining(Language language, int number) {
        return render("retraining", language, String.valueOf(number));
    }

    /** The training statement with {@link #NUMBER} where the version's number goes. */
    static String trainingTemplate(Language language) {
        return render("training", language, NUMBER);
    }

    private static String render(String key, Language language, String number) {
        Locale locale = Locale.forLanguageTag(language.tag());
        ResourceBundle bundle;
        try {
            bundle = ResourceBundle.getBundle(BUNDLE, locale, Statements.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, Statements.class.getClassLoader(), NO_FALLBACK);
        }
        return new MessageFormat(bundle.getString(key), locale).format(new Object[] {number});
    }
}
