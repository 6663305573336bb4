package org.charter.web.rollout;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.charter.model.common.NotFoundException;
import org.charter.service.evidence.EvidenceService;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.Receipt;
import org.charter.web.shell.I18n;
import org.charter.web.shell.Pdf;

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
        String html = ReceiptPage.of(
                        receipt,
                        evidence.head()
                                .map(org.charter.service.evidence.ChainHead::label)
                                .orElse(null))
                .html(i18n.getTag());
        response.setContentType("application/pdf");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"receipt-v" + receipt.versionNumber() + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        Pdf.render(html, response.getOutputStream());
    }
}
