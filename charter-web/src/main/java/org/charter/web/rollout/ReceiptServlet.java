package org.charter.web.rollout;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.charter.model.common.NotFoundException;
import org.charter.service.evidence.EvidenceService;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.Receipt;
import org.charter.web.shell.I18n;
import org.charter.web.shell.Pdf;
import org.charter.web.shell.Texts;

/** {@code /app/receipt?version=…}: the signed-in person's receipt of their signature, as a PDF to keep. */
@WebServlet("/app/receipt")
public class ReceiptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    I18n i18n;

    @Inject
    EvidenceService evidence;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Receipt receipt;
        try {
            receipt = acknowledgements.myReceipt(request.getParameter("version"));
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (org.charter.model.common.AccessDeniedException e) {
            // a role without receipts or invites (the platform administrator): not theirs to see
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Locale locale = Locale.forLanguageTag(i18n.getTag());
        var signature = receipt.signature();
        String html = "<!DOCTYPE html><html lang=\"" + i18n.getTag() + "\"><head><meta charset=\"utf-8\"/><style>"
                + "@page{size:A4;margin:20mm}body{font-family:'Charter Sans';color:#1f2937;font-size:11pt}"
                + "h1{font-size:18pt}dt{font-weight:bold;margin-top:3mm}dd{margin:0}.hash{font-size:8pt}</style>"
                + "</head><body>"
                + "<h1>" + escape(Texts.text(locale, "receipt.title")) + "</h1>"
                + "<p>" + escape(receipt.franchiseName()) + "</p><dl>"
                + row(
                        locale,
                        "receipt.person",
                        receipt.fullName()
                                + (receipt.employeeNumber() == null ? "" : " (" + receipt.employeeNumber() + ")"))
                + row(locale, "receipt.version", "v" + receipt.versionNumber() + " · " + signature.getLocale())
                + row(locale, "receipt.statement", signature.getStatement())
                + row(locale, "receipt.typedName", signature.getTypedName())
                + row(
                        locale,
                        "receipt.signedAt",
                        signature
                                        .getSignedAt()
                                        .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                                                .withLocale(locale))
                                + " UTC" + signature.getSignedAt().getOffset())
                + row(locale, "receipt.method", signature.getAuthMethod())
                + "<dt>SHA-256</dt><dd class=\"hash\">" + escape(signature.getContentSha256()) + "</dd>"
                // the franchise's newest evidence checkpoint: a copy kept outside the database pins the records
                + "<dt>" + escape(Texts.text(locale, "receipt.chainHead")) + "</dt><dd class=\"hash\">"
                + escape(evidence.head()
                        .map(org.charter.service.evidence.ChainHead::label)
                        .orElseGet(() -> Texts.text(locale, "receipt.noChainHead")))
                + "</dd></dl></body></html>";
        response.setContentType("application/pdf");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"receipt-v" + receipt.versionNumber() + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        Pdf.render(html, response.getOutputStream());
    }

    private static String row(Locale locale, String key, String value) {
        return "<dt>" + escape(Texts.text(locale, key)) + "</dt><dd>" + escape(value) + "</dd>";
    }

    private static String escape(String value) {
        return org.charter.web.shell.Html.escape(value);
    }
}
