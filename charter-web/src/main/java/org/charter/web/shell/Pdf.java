package org.charter.web.shell;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Turns an HTML page into a PDF with the Unicode font the application ships ("Charter Sans"), so Greek and
 * Latvian print the same everywhere.
 */
public final class Pdf {

    private static final String FONT = "/fonts/DejaVuSans.ttf";
    private static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

    private Pdf() {}

    public static void render(String html, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> stream(FONT), "Charter Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> stream(BOLD), "Charter Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
        builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
        builder.toStream(out);
        builder.run();
    }

    private static InputStream stream(String resource) {
        InputStream in = Pdf.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("font missing from the application: " + resource);
        }
        return in;
    }
}
