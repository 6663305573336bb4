package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.charter.web.it.TestCaller.run;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.charter.model.charter.CharterVersion;
import org.charter.model.franchise.Language;
import org.charter.service.charter.CharterService;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.people.PeopleService;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.PersonProgress;
import org.charter.service.rollout.RolloutService;
import org.charter.service.rollout.Signatures.Confirmation;
import org.charter.service.rollout.StoreTrainingService;
import org.charter.service.sessions.SessionForm;
import org.charter.service.sessions.SessionService;
import org.charter.service.store.StoreService;
import org.charter.service.training.QuizService;

/**
 * A franchise with rows in every tenant table, written through the services as its people would: the
 * organisation of {@link World}, a frozen charter version with its sections, standards, texts and renderings, a
 * quiz, a running rollout with its assignments and roll-up, a failed and a passed quiz try, a signature, an
 * excuse, a training session with a seat and attendance, and the audit lines all of that leaves. A second draft
 * is started so a version in each state the product keeps side by side is there too.
 *
 * <p>The isolation test fails, naming the table, when a tenant table stays empty: whoever adds a tenant table
 * adds the step that fills it here.
 */
final class FullFranchise {

    /** The services the franchise is written through. */
    record Services(
            FranchiseService franchises,
            StoreService stores,
            PeopleService people,
            CharterService charters,
            QuizService quizzes,
            RolloutService rollouts,
            AcknowledgementService acknowledgements,
            StoreTrainingService training,
            SessionService sessions) {}

    final World world;
    final String versionId;
    final String sessionId;

    private FullFranchise(World world, String versionId, String sessionId) {
        this.world = world;
        this.versionId = versionId;
        this.sessionId = sessionId;
    }

    static FullFranchise build(Services s, String platform) {
        World w = World.build(s.franchises(), s.stores(), s.people(), platform);
        String suffix = w.hq.substring("hq-".length());
        // a first version in force, reviewed once: "no change"
        CharterVersion first = Drafts.frozenVersion(s.charters(), w);
        bean(Fixtures.class)
                .publish(w.franchiseId, first.getId(), LocalDate.now().minusDays(300));
        run(w.hq, () -> bean(org.charter.service.review.ReviewService.class).recordNoChange("Still holds."));

        // HQ registers a webhook for every event: the signature and the complaint below queue their deliveries
        run(
                w.hq,
                () -> bean(org.charter.service.webhook.Webhooks.class)
                        .register(
                                "https://hooks.example.test/" + suffix,
                                java.util.EnumSet.allOf(org.charter.service.webhook.WebhookEvent.class)));

        // someone with an address, so the rollout's notice goes out by mail too
        as(
                w.manager,
                () -> s.people()
                        .addEmployee(
                                w.storeId,
                                new org.charter.service.people.PersonForm(
                                        "Mail " + suffix,
                                        "mail-" + suffix,
                                        null,
                                        null,
                                        Language.EN,
                                        "mail-" + suffix + "@example.test",
                                        0)));
        CharterVersion version = Drafts.readyForRollout(s.charters(), s.quizzes(), w);
        run(w.hq, () -> s.rollouts().start(version.getId(), LocalDate.now().plusDays(30)));
        // a dispatcher's attempt at it, refused (no mail server in this deployment), leaves its log line
        org.charter.service.notice.Deliveries deliveries = bean(org.charter.service.notice.Deliveries.class);
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now().plusSeconds(1);
        org.charter.service.notice.Deliveries.Claim claim = deliveries.claim(w.franchiseId, now, 10, 60);
        deliveries.record(
                w.franchiseId,
                now,
                claim.token(),
                claim.mails().stream()
                        .map(m -> new org.charter.service.notice.Deliveries.Outcome(m.noticeId(), false, "421 test"))
                        .toList(),
                new org.charter.service.notice.Deliveries.RetryPolicy(3, 60, 600));

        // the employee fails the quiz once, passes it and signs on their own phone
        answer(s, w.employee, version.getId(), "Wrong");
        answer(s, w.employee, version.getId(), "Right");
        String shown = as(w.employee, () -> s.acknowledgements().read(version.getId(), Language.EN))
                .sha256();
        run(
                w.employee,
                () -> s.acknowledgements()
                        .sign(new Confirmation(
                                version.getId(),
                                Language.EN,
                                shown,
                                "Person " + w.employee,
                                "127.0.0.1",
                                "FullFranchise")));

        // the second employee of the store is on leave: excused until they come back
        String onLeave = as(w.manager, () -> s.training().people(version.getId(), w.storeId)).stream()
                .filter(p -> p.fullName().equals("Person emp2-" + suffix))
                .map(PersonProgress::personId)
                .findFirst()
                .orElseThrow();
        run(
                w.manager,
                () -> s.training()
                        .excuse(
                                version.getId(),
                                onLeave,
                                "Parental leave",
                                LocalDate.now().plusDays(40)));

        // the manager plans a session, seats themself and records who came
        LocalDateTime tomorrow = LocalDate.now().plusDays(1).atTime(LocalTime.of(10, 0));
        String sessionId = as(
                        w.manager,
                        () -> s.sessions()
                                .schedule(w.storeId, new SessionForm(tomorrow, 45, "Back office", "Anna Trainer", 4)))
                .getId();
        run(w.manager, () -> s.sessions().invite(sessionId, List.of(w.managerId)));
        run(w.manager, () -> s.sessions().recordAttendance(sessionId, Map.of(w.managerId, true)));

        // a customer complains with an address (their receipt is queued), the manager notes it, replies and
        // decides a coaching for the employee
        org.charter.service.feedback.FeedbackIntake.Sent complaint =
                bean(org.charter.service.feedback.FeedbackIntake.class)
                        .send(
                                w.slug,
                                "A1",
                                List.of(Language.EN),
                                new org.charter.model.feedback.Feedback.Told(
                                        org.charter.model.feedback.FeedbackKind.COMPLAINT,
                                        org.charter.model.store.ChannelKind.IN_PERSON,
                                        null,
                                        2,
                                        "Nobody greeted me.",
                                        "Person " + w.employee,
                                        "Kim Customer",
                                        "kim-" + suffix + "@example.test",
                                        null,
                                        true,
                                        "en"));
        org.charter.service.feedback.CaseService cases = bean(org.charter.service.feedback.CaseService.class);
        String caseId = as(w.manager, () -> cases.cases(w.storeId, true)).stream()
                .filter(c -> c.reference().equals(complaint.reference()))
                .findFirst()
                .orElseThrow()
                .id();
        // the engine's round sums the marked store and month for the overview; then the case moves on and marks
        // them again
        bean(org.charter.service.notice.Deliveries.class).plan(w.franchiseId, java.time.OffsetDateTime.now());
        run(w.manager, () -> cases.note(caseId, "Talked to the morning shift."));
        run(w.manager, () -> cases.reply(caseId, "We are sorry and have talked to the team."));
        run(
                w.manager,
                () -> bean(org.charter.service.feedback.CorrectiveService.class)
                        .decide(
                                w.employeeId,
                                null,
                                caseId,
                                new org.charter.model.feedback.CorrectiveAction.Decided(
                                        org.charter.model.feedback.CorrectiveKind.COACHING,
                                        "Greet every customer.",
                                        null,
                                        null)));

        // and the next version is already being written
        run(w.hq, s.charters()::startDraft);

        // HQ checks a staff file for import (kept for applying)
        run(
                w.hq,
                () -> bean(org.charter.service.importing.ImportService.class)
                        .preview(
                                org.charter.service.importing.ImportKind.STAFF,
                                "staff.csv",
                                "employee_number,full_name,store\nI-1,Imported Person,A1\n"
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                java.util.Map.of()));

        // HQ takes an evidence checkpoint (the schedule takes one every minute), sealing all of the above
        org.charter.service.evidence.EvidenceService evidence = jakarta.enterprise
                .inject
                .spi
                .CDI
                .current()
                .select(org.charter.service.evidence.EvidenceService.class)
                .get();
        run(w.hq, () -> evidence.checkpoint());

        // HQ has the evidence pack of the whole franchise built (here at once; the page starts it in the background)
        run(w.hq, () -> {
            var packs = bean(org.charter.service.rollout.FranchisePacks.class);
            String job = packs.request(version.getNumber(), "en").id();
            bean(org.charter.web.rollout.FranchisePackBuilder.class).build(job, version.getNumber(), "en");
        });
        return new FullFranchise(w, version.getId(), sessionId);
    }

    private static <T> T bean(Class<T> type) {
        return jakarta.enterprise.inject.spi.CDI.current().select(type).get();
    }

    private static void answer(Services s, String username, String versionId, String prefix) {
        run(
                username,
                () -> s.acknowledgements()
                        .answer(
                                versionId,
                                Language.EN,
                                Drafts.ticks(s.acknowledgements().quiz(versionId, Language.EN), prefix)));
    }
}
