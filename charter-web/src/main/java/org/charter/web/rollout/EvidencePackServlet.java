package org.charter.web.rollout;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.service.evidence.ChainHead;
import org.charter.service.evidence.EvidenceService;
import org.charter.service.rollout.EvidencePack;
import org.charter.service.rollout.EvidencePackService;
import org.charter.service.rollout.FranchisePacks;
import org.charter.service.rollout.PackJob;
import org.charter.web.shell.I18n;

/**
 * {@code /hq/evidence-pack?store=RIX-01&version=2}: a store's evidence pack for one version, as a ZIP to download.
 * Reading only: the pack is made from what is recorded, nothing is written.
 */
@WebServlet("/hq/evidence-pack")
public class EvidencePackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    EvidencePackService packs;

    @Inject
    EvidenceService evidence;

    @Inject
    FranchisePacks franchisePacks;

    @Inject
    I18n i18n;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("job") != null) {
            sendFranchisePack(request.getParameter("job"), response);
            return;
        }
        EvidencePack pack;
        try {
            pack = packs.pack(request.getParameter("store"), Integer.parseInt(request.getParameter("version")));
        } catch (NumberFormatException | NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String head = evidence.head().map(ChainHead::label).orElse(null);
        // built whole first, so that a failure half-way is an error page, not a cut-off file
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        EvidencePackZip.write(pack, head, i18n.getTag(), evidence::seal, zip);
        response.setContentType("application/zip");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"evidence-" + pack.storeCode() + "-v" + pack.versionNumber() + ".zip\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(zip.size());
        zip.writeTo(response.getOutputStream());
    }

    /** A whole franchise's finished pack, chunk by chunk as kept: never held whole in memory. */
    private void sendFranchisePack(String jobId, HttpServletResponse response) throws IOException {
        PackJob job;
        int chunks;
        try {
            job = franchisePacks.job(jobId);
            chunks = franchisePacks.chunks(jobId);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/zip");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"evidence-all-stores-v" + job.versionNumber() + ".zip\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader(
                "Digest",
                "sha-256="
                        + java.util.Base64.getEncoder()
                                .encodeToString(java.util.HexFormat.of().parseHex(job.sha256())));
        response.setContentLengthLong(job.sizeBytes());
        for (int seq = 0; seq < chunks; seq++) {
            response.getOutputStream().write(franchisePacks.chunk(jobId, seq));
        }
    }
}
