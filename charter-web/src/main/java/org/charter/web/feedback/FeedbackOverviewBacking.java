package org.charter.web.feedback;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.charter.service.feedback.FeedbackOverview;
import org.charter.web.shell.CsvExport;
import org.charter.web.shell.I18n;
import org.charter.web.shell.Texts;

/**
 * {@code /hq/feedback.xhtml?months=…}: what customers said across stores and regions, month by month, against the
 * charter's promises, with a drill-down to each store's cases and a CSV export; and the customers' data: how long
 * it is kept, and erasing one customer's on request.
 */
@Named
@ViewScoped
public class FeedbackOverviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final List<Integer> PERIODS = List.of(3, 6, 12, 24);

    @Inject
    FeedbackOverview overview;

    @Inject
    I18n i18n;

    private int months = 12;
    private transient FeedbackOverview.Overview figures;
    private int retention;
    private String email;
    private List<FeedbackOverview.Found> found;

    public void load() {
        if (!PERIODS.contains(months)) {
            months = 12;
        }
        figures = overview.overview(since());
        retention = overview.contactRetentionMonths();
    }

    private LocalDate since() {
        return LocalDate.now().withDayOfMonth(1).minusMonths(months - 1L);
    }

    /** The bar of one month: each kind's share of the busiest month, in percent of the chart's width. */
    public double width(long count) {
        long busiest = getFigures().months().stream()
                .mapToLong(m -> m.figures().total())
                .max()
                .orElse(0);
        return busiest == 0 ? 0 : Math.round(1000.0 * count / busiest) / 10.0;
    }

    public String monthName(LocalDate month) {
        Locale locale = locale();
        return month.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, locale) + " " + month.getYear();
    }

    public String hours(Double value) {
        return value == null ? "—" : String.format(locale(), "%.1f", value);
    }

    public String percent(Integer value) {
        return value == null ? "—" : value + " %";
    }

    public String stars(Double value) {
        return value == null ? "—" : String.format(locale(), "%.1f / 5", value);
    }

    public void saveRetention() {
        overview.keepContactsFor(retention);
        Texts.info("overview.retentionSaved", retention);
    }

    public void find() {
        found = overview.findByContact(email);
    }

    public void erase() {
        int erased = overview.eraseContact(email);
        found = null;
        Texts.info("overview.erased", erased);
    }

    public void exportCsv() throws IOException {
        Locale locale = locale();
        List<List<Object>> rows = new ArrayList<>();
        for (FeedbackOverview.StoreFigures store : getFigures().stores()) {
            FeedbackOverview.Figures f = store.figures();
            rows.add(List.of(
                    store.region() == null ? "" : store.region(),
                    store.code(),
                    store.name(),
                    f.total(),
                    f.compliments(),
                    f.suggestions(),
                    f.complaints(),
                    percent(f.metPercent()),
                    hours(f.responseHours()),
                    hours(f.resolutionHours()),
                    percent(f.replyPercent()),
                    stars(f.rating())));
        }
        byte[] csv = CsvExport.write(
                locale,
                List.of(
                        Texts.text(locale, "field.region"),
                        Texts.text(locale, "field.code"),
                        Texts.text(locale, "field.name"),
                        Texts.text(locale, "overview.total"),
                        Texts.text(locale, "feedback.kind.COMPLIMENT"),
                        Texts.text(locale, "feedback.kind.SUGGESTION"),
                        Texts.text(locale, "feedback.kind.COMPLAINT"),
                        Texts.text(locale, "overview.met"),
                        Texts.text(locale, "overview.responseHours"),
                        Texts.text(locale, "overview.resolutionHours"),
                        Texts.text(locale, "overview.replied"),
                        Texts.text(locale, "overview.rating")),
                rows);
        org.omnifaces.util.Faces.sendFile(csv, "feedback-since-" + since() + ".csv", true);
    }

    private Locale locale() {
        return Locale.forLanguageTag(i18n.getTag());
    }

    public List<Integer> getPeriods() {
        return PERIODS;
    }

    /** The figures, read again when this view came back without them (they are not kept in the session). */
    public FeedbackOverview.Overview getFigures() {
        if (figures == null) {
            figures = overview.overview(since());
        }
        return figures;
    }

    public List<Map.Entry<String, FeedbackOverview.Figures>> getRegions() {
        return new ArrayList<>(getFigures().regions().entrySet());
    }

    public int getMonths() {
        return months;
    }

    public void setMonths(int months) {
        this.months = months;
    }

    public int getRetention() {
        return retention;
    }

    public void setRetention(int retention) {
        this.retention = retention;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public List<FeedbackOverview.Found> getFound() {
        return found;
    }
}
