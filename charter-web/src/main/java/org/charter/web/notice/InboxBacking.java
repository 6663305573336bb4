package org.charter.web.notice;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.charter.service.notice.NoticeLine;
import org.charter.service.notice.NoticeService;
import org.charter.service.notice.NoticeText;
import org.charter.web.shell.I18n;
import org.charter.web.shell.Texts;

/**
 * {@code /app/inbox.xhtml}: the person's notices, newest first. Reading the page changes nothing; opening a notice
 * (a post) marks it read and goes where it leads.
 */
@Named
@ViewScoped
public class InboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    I18n i18n;

    @Inject
    NoticeService notices;

    @Inject
    UnreadNotices unread;

    private List<NoticeLine> lines;
    private java.time.ZoneId zone;
    private boolean optionalByMail;
    private boolean hasEmail;

    public void load() {
        // the inbox shows the badge as it is now, not as the session last kept it
        unread.forget();
        lines = notices.inbox();
        zone = notices.zone();
        optionalByMail = notices.optionalByMail();
        hasEmail = notices.hasEmail();
    }

    /** Marks the notice read and goes to what it is about. */
    public void open(String noticeId) throws IOException {
        String link = notices.open(noticeId);
        unread.forget();
        FacesContext context = FacesContext.getCurrentInstance();
        var external = context.getExternalContext();
        external.redirect(external.getRequestContextPath() + (link.isEmpty() ? "/app/inbox.xhtml" : link));
    }

    public void markAllRead() {
        int marked = notices.markAllRead();
        unread.forget();
        Texts.info("inbox.allRead", marked);
        load();
    }

    public void saveMailChoice() {
        notices.chooseOptionalByMail(optionalByMail);
        Texts.info(optionalByMail ? "inbox.optionalByMailOn" : "inbox.optionalByMailOff");
    }

    public String title(NoticeLine line) {
        return NoticeText.title(line.kind(), line.params(), locale());
    }

    public String body(NoticeLine line) {
        return NoticeText.body(line.kind(), line.params(), locale());
    }

    public String action(NoticeLine line) {
        return NoticeText.action(line.kind(), locale());
    }

    /** A time on the reader's store's clock. */
    public java.time.ZonedDateTime local(java.time.OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(zone);
    }

    public List<NoticeLine> getLines() {
        return lines;
    }

    public boolean isAnyUnread() {
        return lines != null && lines.stream().anyMatch(l -> !l.read());
    }

    public boolean isOptionalByMail() {
        return optionalByMail;
    }

    public void setOptionalByMail(boolean optionalByMail) {
        this.optionalByMail = optionalByMail;
    }

    public boolean isHasEmail() {
        return hasEmail;
    }

    private Locale locale() {
        return i18n.getLocale();
    }
}
