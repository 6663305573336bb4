package org.charter.web.publication;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.charter.service.publication.PublicCharter;
import org.charter.web.shell.Pdf;

/**
 * The charter on paper: the page as customers read it, as a PDF with version, language, effective date and
 * content hash in every footer; and the in-store poster whose QR code opens the store's page at the configured
 * public address (never an address taken from the request). A Unicode font is
 * shipped with the application (DejaVu Sans), so Greek and Latvian print as they are written.
 */
final class PrintedCharter {

    private PrintedCharter() {}

    /** The page as printed; its links are absolute, from the public address {@code baseUrl}. */
    static void charter(PublicCharter charter, String baseUrl, OutputStream out) throws IOException {
        Pdf.render(charterHtml(charter, baseUrl), out);
    }

    /** The HTML the printed charter is drawn from: the public page with print styles and the footer. */
    static String charterHtml(PublicCharter charter, String baseUrl) {
        String page = new PublicCharterPage(charter, baseUrl, true).render();
        String footer = charter.version() == null
                ? charter.franchiseName()
                : "v" + charter.version().number() + " · " + charter.language().tag() + " · "
                        + charter.version().effective() + " · SHA-256 "
                        + charter.version().sha256();
        String css = "<style>@page{size:A4;margin:18mm 16mm 22mm 16mm;@bottom-center{content:\""
                + footer.replace("\"", "'") + "\";font-family:'Charter Sans';font-size:7pt;color:#555}}"
                + "body{font-family:'Charter Sans'}header{background:none;color:#000;padding:0}"
                + ".languages,.history a{display:none}</style>";
        return page.replace("</head>", css + "</head>");
    }

    static void poster(PublicCharter charter, String storeUrl, OutputStream out) throws IOException {
        Pdf.render(posterHtml(charter, storeUrl), out);
    }

    /** The HTML the poster is drawn from: franchise, store, the charter's title and the store page's QR code. */
    static String posterHtml(PublicCharter charter, String storeUrl) throws IOException {
        String title = PublicCharterPage.escape(PublicCharterPage.text(charter, "public.title"));
        String scan = PublicCharterPage.escape(PublicCharterPage.text(charter, "public.scan"));
        String store = charter.store() == null ? "" : charter.store().name();
        return "<!DOCTYPE html><html lang=\"" + charter.language().tag() + "\"><head><meta charset=\"utf-8\"/>"
                + "<title>" + PublicCharterPage.escape(charter.franchiseName() + " · " + store) + "</title>"
                + "<style>@page{size:A4;margin:20mm}body{font-family:'Charter Sans';text-align:center;color:#1f2937}"
                + "h1{font-size:30pt;margin:10mm 0 4mm}h2{font-size:20pt;font-weight:normal;margin:0 0 12mm}"
                + "img{width:120mm;height:120mm}p{font-size:16pt}.url{font-size:10pt;color:#555}</style></head><body>"
                + "<h1>" + PublicCharterPage.escape(charter.franchiseName()) + "</h1>"
                + "<h2>" + PublicCharterPage.escape(store) + "</h2>"
                + "<p><strong>" + title + "</strong></p>"
                // the QR code says what the address under it says
                + "<img src=\"data:image/png;base64," + qr(storeUrl) + "\" alt=\"" + PublicCharterPage.escape(storeUrl)
                + "\"/>"
                + "<p>" + scan + "</p><p class=\"url\">" + PublicCharterPage.escape(storeUrl) + "</p></body></html>";
    }

    private static String qr(String url) throws IOException {
        try {
            BitMatrix matrix =
                    new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 600, 600, Map.of(EncodeHintType.MARGIN, 1));
            BufferedImage image =
                    new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IOException("The store address does not fit in a QR code", e);
        }
    }
}
