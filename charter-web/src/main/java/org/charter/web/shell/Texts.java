package org.charter.web.shell;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.charter.model.common.BusinessException;

/** Texts from the message bundle in the current view's language, and faces messages made of them. */
public final class Texts {

    public static final String BUNDLE = "org.charter.web.i18n.messages";

    private Texts() {}

    public static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        Locale locale = context != null && context.getViewRoot() != null
                ? context.getViewRoot().getLocale()
                : Locale.ENGLISH;
        return text(locale, key, arguments);
    }

    public static String text(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        Object[] localised = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            localised[i] = arguments[i] instanceof String s && bundle.containsKey("field." + s)
                    ? bundle.getString("field." + s)
                    : arguments[i];
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(localised);
    }

    /** A field's label in the current view's language ({@code field.<name>}), or the name itself without one. */
    public static String field(String name) {
        String label = text("field." + name);
        return label.equals("field." + name) ? name : label;
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, text(key, arguments));
    }

    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, text(key, arguments));
    }

    public static void error(BusinessException e) {
        error(e.getMessageKey(), e.getArguments());
    }

    private static void add(FacesMessage.Severity severity, String summary) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(severity, summary, null));
        // survive a redirect after a successful post
        context.getExternalContext().getFlash().setKeepMessages(true);
    }
}
