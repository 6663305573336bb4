package org.charter.web.sessions;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.charter.model.common.BusinessException;
import org.charter.model.rollout.Acknowledgement;
import org.charter.service.rollout.Signatures;
import org.charter.service.rollout.Statements;
import org.charter.service.security.AttemptLimits;
import org.charter.service.security.DeviceConfirmation;
import org.charter.service.security.SignInService;
import org.charter.service.sessions.SeatLine;
import org.charter.service.sessions.SessionLine;
import org.charter.service.sessions.SessionService;
import org.charter.service.training.Reading;
import org.charter.web.rollout.QuizTaking;
import org.charter.web.shell.Texts;

/**
 * {@code /store/session.xhtml?id=…}: one session: invite people, record who came, offer the calendar invite,
 * and let the people present take the quiz and sign on this device one after another, each with their own PIN
 * or password.
 */
@Named
@ViewScoped
public class SessionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionService sessions;

    @Inject
    SignInService signIn;

    @Inject
    AttemptLimits limits;

    private String id;

    @Inject
    org.charter.web.shell.Dates dates;

    private SessionLine session;
    private List<SeatLine> seats = List.of();
    private List<SeatLine> invitable = List.of();
    private List<String> toInvite = new ArrayList<>();
    private Map<String, Boolean> attendance = new HashMap<>();

    // the person signing at this device right now
    private SeatLine signer;
    private Reading reading;
    private final QuizTaking quiz = new QuizTaking();
    private String typedName;
    private String secret;
    private DeviceConfirmation confirmation;
    private Acknowledgement signed;

    public void load() {
        session = sessions.line(id);
        seats = sessions.seats(id);
        invitable = sessions.invitable(id);
        attendance = new HashMap<>();
        seats.forEach(seat -> attendance.put(seat.personId(), Boolean.TRUE.equals(seat.attended())));
    }

    public void invite() {
        sessions.invite(id, toInvite);
        Texts.info("session.invitedMessage", toInvite.size());
        toInvite = new ArrayList<>();
        load();
    }

    public void uninvite(SeatLine seat) {
        sessions.uninvite(id, seat.personId());
        load();
    }

    public void saveAttendance() {
        sessions.recordAttendance(id, attendance);
        Texts.info("session.attendanceSaved");
        load();
    }

    /** The new start typed into the move form, on the store's clock. */
    private java.time.LocalDate moveDay;

    private java.time.LocalTime moveTime;

    /** Moves the session to the typed day and time: the keyboard's way of doing what dragging does in the calendar. */
    public void move() {
        if (moveDay == null || moveTime == null) {
            Texts.error(new org.charter.model.common.BusinessException("error.required", "startsAt"));
            return;
        }
        sessions.move(id, java.time.LocalDateTime.of(moveDay, moveTime));
        moveDay = null;
        moveTime = null;
        load();
        Texts.info("sessions.moved", dates.medium(session.start()));
    }

    public java.time.LocalDate getMoveDay() {
        return moveDay != null
                ? moveDay
                : session == null ? null : session.start().toLocalDate();
    }

    public void setMoveDay(java.time.LocalDate moveDay) {
        this.moveDay = moveDay;
    }

    public java.time.LocalTime getMoveTime() {
        return moveTime != null
                ? moveTime
                : session == null ? null : session.start().toLocalTime();
    }

    public void setMoveTime(java.time.LocalTime moveTime) {
        this.moveTime = moveTime;
    }

    public String cancel() {
        sessions.cancel(id);
        Texts.info("session.cancelledMessage");
        return "/store/sessions?faces-redirect=true";
    }

    public void startSigning(SeatLine seat) {
        signer = seat;
        reading = sessions.reading(id, seat.personId());
        quiz.start(sessions.quiz(id, seat.personId()), seat.quizPassed());
        typedName = null;
        secret = null;
        confirmation = null;
        signed = null;
    }

    /**
     * The person at the device confirms it is them with their own PIN before the quiz and the signature.
     * Limited per device holder as well as per person; a refusal never says which part was wrong.
     */
    public void confirmPin() {
        String given = secret;
        secret = null;
        String holder = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        if (limits.tryAttempt(AttemptLimits.Kind.PIN, String.valueOf(holder)).isPresent()) {
            throw new BusinessException("error.session.secret");
        }
        confirmation = signIn.confirmPin(
                        sessions.accountToConfirm(id, signer.personId()), given, String.valueOf(holder))
                .orElseThrow(() -> new BusinessException("error.session.secret"));
    }

    public void submitQuiz() {
        try {
            quiz.marked(sessions.answer(
                    id, signer.personId(), confirmation, quiz.getAnswers().asSets()));
        } catch (BusinessException e) {
            forgetStaleConfirmation(e);
            throw e;
        }
    }

    /** A confirmation older than it may be is refused: ask for the PIN again instead of leaving the device stuck. */
    private void forgetStaleConfirmation(BusinessException e) {
        if ("error.session.secret".equals(e.getMessageKey())) {
            confirmation = null;
        }
    }

    public void sign() {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        try {
            signed = sessions.sign(
                    id,
                    signer.personId(),
                    confirmation,
                    new Signatures.Confirmation(
                            reading.versionId(),
                            reading.language(),
                            reading.sha256(),
                            typedName,
                            org.charter.web.shell.ClientAddress.of(request),
                            request.getHeader("User-Agent")));
        } catch (BusinessException e) {
            forgetStaleConfirmation(e);
            throw e;
        } finally {
            secret = null;
        }
        Texts.info("session.signedMessage", signer.fullName());
        signer = null;
        reading = null;
        confirmation = null;
        load();
    }

    public void stopSigning() {
        signer = null;
        reading = null;
        secret = null;
        confirmation = null;
    }

    public boolean isConfirmed() {
        return confirmation != null;
    }

    public String getStatement() {
        return reading == null ? "" : Statements.training(reading.language(), reading.number());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public SessionLine getSession() {
        return session;
    }

    public List<SeatLine> getSeats() {
        return seats;
    }

    public List<SeatLine> getInvitable() {
        return invitable;
    }

    public List<String> getToInvite() {
        return toInvite;
    }

    public void setToInvite(List<String> toInvite) {
        this.toInvite = toInvite;
    }

    public Map<String, Boolean> getAttendance() {
        return attendance;
    }

    public SeatLine getSigner() {
        return signer;
    }

    public Reading getReading() {
        return reading;
    }

    public QuizTaking getQuiz() {
        return quiz;
    }

    public String getTypedName() {
        return typedName;
    }

    public void setTypedName(String typedName) {
        this.typedName = typedName;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public Acknowledgement getSigned() {
        return signed;
    }
}
