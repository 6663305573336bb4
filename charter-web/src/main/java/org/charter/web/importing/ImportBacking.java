package org.charter.web.importing;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.charter.model.franchise.Language;
import org.charter.service.importing.ImportKind;
import org.charter.service.importing.ImportPreview;
import org.charter.service.importing.ImportResult;
import org.charter.service.importing.ImportService;
import org.charter.service.importing.LineError;
import org.charter.service.importing.PlannedLine;
import org.charter.web.shell.Texts;

/** {@code /hq/import.xhtml}: a CSV file of staff or stores, checked first, then applied whole or not at all. */
@Named
@ViewScoped
public class ImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest file taken: 100,000 staff lines are about 8 MB. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    @Inject
    ImportService imports;

    private ImportKind kind = ImportKind.STAFF;
    private transient Part file;
    private ImportPreview preview;

    public void check() throws IOException {
        if (file == null || file.getSize() == 0) {
            Texts.error("import.noFile");
            return;
        }
        if (file.getSize() > MAX_BYTES) {
            Texts.error("import.tooLarge", MAX_BYTES / (1024 * 1024));
            return;
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        preview = null;
        preview = imports.preview(kind, fileName(file), content, labels());
    }

    public void apply() {
        ImportResult result = imports.apply(preview.importId(), labels());
        Texts.info("import.applied", result.created(), result.changed(), result.unchanged());
        preview = null;
    }

    public void startOver() {
        preview = null;
    }

    /** A line's problem in the reader's language. */
    public String problem(LineError error) {
        return Texts.text(error.messageKey(), error.arguments().toArray());
    }

    public String change(PlannedLine line) {
        return line.action() == PlannedLine.Action.CREATE
                ? Texts.text("import.action.CREATE") + ": " + line.detail()
                : Texts.text("import.action.CHANGE", changedFields(line.detail()));
    }

    private static String changedFields(String fields) {
        return java.util.Arrays.stream(fields.split(", ")).map(Texts::field).collect(Collectors.joining(", "));
    }

    /** The columns of the chosen kind in the reader's language, required ones marked. */
    public String getColumns() {
        return kind.columns().stream()
                .map(column -> Texts.field(column) + " (" + column + ")"
                        + (kind.required().contains(column) ? " *" : ""))
                .collect(Collectors.joining(", "));
    }

    /** Every label a column has in any of the product's languages, so that a localised spreadsheet reads too. */
    public static Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        for (Language language : Language.values()) {
            ResourceBundle bundle = ResourceBundle.getBundle(Texts.BUNDLE, language.locale());
            for (ImportKind each : ImportKind.values()) {
                for (String column : each.columns()) {
                    String key = "field." + column;
                    if (bundle.containsKey(key)) {
                        labels.putIfAbsent(bundle.getString(key), column);
                    }
                }
            }
        }
        return labels;
    }

    private static String fileName(Part part) {
        String name = part.getSubmittedFileName();
        if (name == null) {
            return null;
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    public List<ImportKind> getKinds() {
        return List.of(ImportKind.values());
    }

    public ImportKind getKind() {
        return kind;
    }

    public void setKind(ImportKind kind) {
        this.kind = kind;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public ImportPreview getPreview() {
        return preview;
    }
}
