package org.charter.web.feedback;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.charter.model.feedback.CorrectiveAction;
import org.charter.model.feedback.CorrectiveKind;
import org.charter.model.feedback.Feedback;
import org.charter.model.feedback.FeedbackStatus;
import org.charter.model.franchise.Language;
import org.charter.model.people.MembershipRole;
import org.charter.service.feedback.CaseService;
import org.charter.service.feedback.CorrectiveService;
import org.charter.service.people.PeopleService;
import org.charter.service.people.RosterLine;
import org.charter.web.shell.I18n;
import org.charter.web.shell.Texts;

/**
 * {@code /store/case.xhtml?id=…}: one case with its deadlines and thread; its steps, an internal note, a reply to
 * the customer, and a corrective action on an employee of the store.
 */
@Named
@ViewScoped
public class CaseBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseService cases;

    @Inject
    CorrectiveService corrective;

    @Inject
    PeopleService people;

    @Inject
    I18n i18n;

    private String id;
    private transient CaseService.Case current;
    private List<RosterLine> staff;
    private List<CorrectiveService.ActionLine> actions;
    private List<SectionChoice> sections;

    @Size(max = Feedback.MESSAGE_LENGTH)
    private String note;

    @Size(max = Feedback.MESSAGE_LENGTH)
    private String reply;

    private String person;
    private CorrectiveKind kind = CorrectiveKind.COACHING;

    @Size(max = CorrectiveAction.NOTE_LENGTH)
    private String actionNote;

    private String section;
    private LocalDate due;

    /** A section of the charter in force, to focus a retraining on. */
    public record SectionChoice(String id, String title) implements Serializable {}

    public void load() {
        current = cases.open(id);
        staff = people.roster(current.feedback().getStoreId()).stream()
                .filter(r -> r.role() == MembershipRole.STAFF)
                .toList();
        actions = corrective.actionsFrom(id);
        sections = corrective.sectionsInForce().stream()
                .map(s -> new SectionChoice(
                        s.getId(),
                        s.text(Language.fromTag(i18n.getTag()).orElse(Language.EN))
                                .or(() -> s.getTexts().stream().findFirst())
                                .map(t -> t.getTitle())
                                .orElse(s.getKind().name())))
                .toList();
        if (due == null) {
            due = LocalDate.now(zone()).plusDays(14);
        }
    }

    public void acknowledge() {
        cases.acknowledge(id);
        done("case.acknowledged");
    }

    public void waitForCustomer() {
        cases.waitForCustomer(id);
        done("case.waiting");
    }

    public void resume() {
        cases.resume(id);
        done("case.resumed");
    }

    public void resolve() {
        cases.resolve(id);
        done("case.resolved");
    }

    public void close() {
        cases.close(id);
        done("case.closed");
    }

    public void addNote() {
        cases.note(id, note);
        note = null;
        done("case.noted");
    }

    public void sendReply() {
        cases.reply(id, reply);
        reply = null;
        done("case.replied");
    }

    public void decide() {
        corrective.decide(
                person,
                null,
                id,
                new CorrectiveAction.Decided(
                        kind, actionNote, section, kind == CorrectiveKind.RETRAINING ? due : null));
        actionNote = null;
        done("corrective.recorded");
    }

    private void done(String key) {
        Texts.info(key);
        load();
    }

    public ZonedDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(zone());
    }

    private ZoneId zone() {
        return ZoneId.of(current().feedback().getTimeZone());
    }

    /** The case, read again when this view came back without it (it is not kept in a replicated session). */
    private CaseService.Case current() {
        if (current == null) {
            current = cases.open(id);
        }
        return current;
    }

    public boolean isOpen() {
        return current().feedback().getStatus().open();
    }

    public boolean isWaiting() {
        return current().feedback().getStatus() == FeedbackStatus.WAITING;
    }

    public boolean isNew() {
        return current().feedback().getStatus() == FeedbackStatus.NEW;
    }

    public boolean isResolved() {
        return current().feedback().getStatus() == FeedbackStatus.RESOLVED;
    }

    public CorrectiveKind[] getKinds() {
        return CorrectiveKind.values();
    }

    public boolean isRetraining() {
        return kind == CorrectiveKind.RETRAINING;
    }

    public CaseService.Case getCurrent() {
        return current();
    }

    public Feedback getFeedback() {
        return current().feedback();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public List<RosterLine> getStaff() {
        return staff;
    }

    public List<CorrectiveService.ActionLine> getActions() {
        return actions;
    }

    public List<SectionChoice> getSections() {
        return sections;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public CorrectiveKind getKind() {
        return kind;
    }

    public void setKind(CorrectiveKind kind) {
        this.kind = kind;
    }

    public String getActionNote() {
        return actionNote;
    }

    public void setActionNote(String actionNote) {
        this.actionNote = actionNote;
    }

    public String getSection() {
        return section;
    }

    public void setSection(String section) {
        this.section = section;
    }

    public LocalDate getDue() {
        return due;
    }

    public void setDue(LocalDate due) {
        this.due = due;
    }
}
