package org.charter.web.rollout;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.charter.service.rollout.Receipt;
import org.charter.web.shell.Html;
import org.charter.web.shell.Texts;

/**
 * What a signature receipt says, as the HTML its PDF is drawn from: who signed which version of whose charter,
 * the statement and the name as typed, when and how, the SHA-256 of what was read, and the franchise's newest
 * evidence checkpoint ({@code chainHead}, null when none was taken yet).
 */
record ReceiptPage(
        String franchiseName,
        String person,
        int versionNumber,
        String signedLanguage,
        String statement,
        String typedName,
        OffsetDateTime signedAt,
        String method,
        String sha256,
        String chainHead) {

    static ReceiptPage of(Receipt receipt, String chainHead) {
        var signature = receipt.signature();
        return new ReceiptPage(
                receipt.franchiseName(),
                receipt.fullName() + (receipt.employeeNumber() == null ? "" : " (" + receipt.employeeNumber() + ")"),
                receipt.versionNumber(),
                signature.getLocale(),
                signature.getStatement(),
                signature.getTypedName(),
                signature.getSignedAt(),
                signature.getAuthMethod(),
                signature.getContentSha256(),
                chainHead);
    }

    /** The page in the reader's language ({@code tag}, one the product speaks). */
    String html(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String title = Texts.text(locale, "receipt.title");
        return "<!DOCTYPE html><html lang=\"" + Html.escape(tag) + "\"><head><meta charset=\"utf-8\"/>"
                + "<title>" + Html.escape(title + " · v" + versionNumber) + "</title><style>"
                + "@page{size:A4;margin:20mm}body{font-family:'Charter Sans';color:#1f2937;font-size:11pt}"
                + "h1{font-size:18pt}dt{font-weight:bold;margin-top:3mm}dd{margin:0}.hash{font-size:8pt}</style>"
                + "</head><body>"
                + "<h1>" + Html.escape(title) + "</h1>"
                + "<p>" + Html.escape(franchiseName) + "</p><dl>"
                + row(locale, "receipt.person", person)
                + row(locale, "receipt.version", "v" + versionNumber + " · " + signedLanguage)
                + row(locale, "receipt.statement", statement)
                + row(locale, "receipt.typedName", typedName)
                + row(
                        locale,
                        "receipt.signedAt",
                        signedAt.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                                        .withLocale(locale))
                                + " UTC" + signedAt.getOffset())
                + row(locale, "receipt.method", method)
                + "<dt>SHA-256</dt><dd class=\"hash\">" + Html.escape(sha256) + "</dd>"
                // a copy of the checkpoint kept outside the database pins the records up to it
                + "<dt>" + Html.escape(Texts.text(locale, "receipt.chainHead")) + "</dt><dd class=\"hash\">"
                + Html.escape(chainHead == null ? Texts.text(locale, "receipt.noChainHead") : chainHead)
                + "</dd></dl></body></html>";
    }

    private static String row(Locale locale, String key, String value) {
        return "<dt>" + Html.escape(Texts.text(locale, key)) + "</dt><dd>" + Html.escape(value) + "</dd>";
    }
}
