package org.charter.service.charter;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Charter text as HTML that is safe to show anywhere: paragraphs, headings, lists, emphasis and links to
 * http(s) or mailto addresses. Scripts, event handlers, styles, frames and {@code javascript:} URLs are dropped
 * on save, so nothing stored can run in a reader's browser.
 */
public final class RichText {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("br", "hr").toFactory());

    private RichText() {}

    public static String sanitise(String html) {
        return html == null ? "" : POLICY.sanitize(html).strip();
    }

    /** The words of the text without markup, for comparisons. */
    public static String plain(String html) {
        return html == null
                ? ""
                : html.replaceAll("(?i)<br\\s*/?>|</(p|h[1-6]|li|blockquote|div)>", "\n")
                        .replaceAll("<[^>]*>", "")
                        .replace("&nbsp;", " ")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&#34;", "\"")
                        .replace("&#39;", "'")
                        .replace("&amp;", "&")
                        .replaceAll("[ \\t]+", " ")
                        .replaceAll("\\n\\s*\\n+", "\n")
                        .strip();
    }
}
