package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.charter.web.it.TestCaller.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.charter.model.charter.CharterVersion;
import org.charter.model.common.AccessDeniedException;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.model.training.QuizQuestion;
import org.charter.service.charter.CharterService;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.people.PeopleService;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.MyAssignment;
import org.charter.service.rollout.PersonProgress;
import org.charter.service.rollout.RolloutService;
import org.charter.service.rollout.Signatures.Confirmation;
import org.charter.service.rollout.StoreProgress;
import org.charter.service.rollout.StoreTrainingService;
import org.charter.service.store.StoreService;
import org.charter.service.training.QuestionForm;
import org.charter.service.training.QuizPaper;
import org.charter.service.training.QuizResult;
import org.charter.service.training.QuizService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The quiz before signing, excuses, leaving and coming back, and the franchise's due days. */
@ExtendWith(ArquillianExtension.class)
class TrainingIT {

    private static final String PLATFORM = "it-platform";

    @Deployment
    static WebArchive deployment() {
        return Deployments.forServices(TrainingIT.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    FranchiseService franchises;

    @Inject
    StoreService stores;

    @Inject
    PeopleService people;

    @Inject
    CharterService charters;

    @Inject
    QuizService quizzes;

    @Inject
    RolloutService rollouts;

    @Inject
    StoreTrainingService training;

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    TenancyProbe probe;

    private World a;
    private World b;

    @BeforeEach
    void twoFranchises() {
        fixtures.ensurePlatformAdmin(PLATFORM);
        a = World.build(franchises, stores, people, PLATFORM);
        b = World.build(franchises, stores, people, PLATFORM);
    }

    @Test
    void aRolloutNeedsAQuizInEveryLanguageAndTheQuizIsFixedOnceItStarts() {
        CharterVersion version = Drafts.frozenVersion(charters, a);
        BusinessException noQuiz = assertThrows(
                BusinessException.class,
                () -> run(
                        a.hq,
                        () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30))));
        assertEquals("error.rollout.quizMissing", noQuiz.getMessageKey());
        assertEquals("en, de", noQuiz.getArguments()[0]);
        run(a.hq, () -> quizzes.addQuestion(version.getId(), question(Language.EN, false, "Right", "Wrong")));
        assertEquals(List.of(Language.DE), as(a.hq, () -> quizzes.languagesWithoutQuestions(version.getId())));
        // bad questions are refused with a reason, and nothing is saved
        for (Map.Entry<String, QuestionForm> bad : Map.of(
                        "error.quiz.oneRight", question(Language.DE, false, "Right", "Right too"),
                        "error.quiz.noneRight", question(Language.DE, true, "Wrong", "Wrong too"),
                        "error.quiz.choices", question(Language.DE, false, "Right"),
                        "error.quiz.prompt", new QuestionForm(Language.DE, "  ", false, choices("Right", "Wrong")))
                .entrySet()) {
            assertEquals(
                    bad.getKey(),
                    assertThrows(
                                    BusinessException.class,
                                    () -> run(a.hq, () -> quizzes.addQuestion(version.getId(), bad.getValue())))
                            .getMessageKey());
        }
        assertEquals(List.of(Language.DE), as(a.hq, () -> quizzes.languagesWithoutQuestions(version.getId())));
        run(a.hq, () -> quizzes.addQuestion(version.getId(), question(Language.DE, true, "Right", "Right 2", "Wrong")));
        assertEquals(
                4,
                as(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30))));
        assertEquals(
                "error.quiz.fixed",
                assertThrows(
                                BusinessException.class,
                                () -> run(
                                        a.hq,
                                        () -> quizzes.addQuestion(
                                                version.getId(), question(Language.EN, false, "Right", "Wrong"))))
                        .getMessageKey());
        // the database keeps it fixed too, whatever the application does
        Exception refused = assertThrows(
                Exception.class, () -> probe.writeAs(a.franchiseId, "update quiz_choice set correct = not correct"));
        assertTrue(Failures.causes(refused).contains("can no longer change"), Failures.causes(refused));
    }

    @Test
    void signingNeedsAPassedQuizAndARetakeTellsOnlyTheScore() {
        CharterVersion version = Drafts.readyForRollout(charters, quizzes, a);
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        Confirmation early = signing(a, version);
        assertEquals(
                "error.ack.quizFirst",
                assertThrows(BusinessException.class, () -> run(a.employee, () -> acknowledgements.sign(early)))
                        .getMessageKey());
        QuizPaper paper = as(a.employee, () -> acknowledgements.quiz(version.getId(), Language.DE));
        assertEquals(Language.DE, paper.language());
        assertEquals(2, paper.questions().size());
        assertEquals(
                "error.quiz.unanswered",
                assertThrows(
                                BusinessException.class,
                                () -> run(
                                        a.employee,
                                        () -> acknowledgements.answer(version.getId(), Language.DE, Map.of())))
                        .getMessageKey());
        // one right answer of two multiple-choice ticks is not "right": both questions are wrong
        QuizResult failed = as(
                a.employee, () -> acknowledgements.answer(version.getId(), Language.DE, Drafts.ticks(paper, "Wrong")));
        assertEquals(new QuizResult(0, 2, 80, false), failed, "only the score, never which answers");
        assertFalse(as(a.employee, () -> acknowledgements.quizPassed(version.getId())));
        QuizResult passed = as(
                a.employee, () -> acknowledgements.answer(version.getId(), Language.DE, Drafts.ticks(paper, "Right")));
        assertEquals(new QuizResult(2, 2, 80, true), passed);
        assertEquals(
                Language.DE.tag(),
                as(a.employee, () -> {
                            acknowledgements.sign(early);
                            return acknowledgements
                                    .myTraining(version.getId(), Language.DE)
                                    .signature();
                        })
                        .getLocale());
        assertEquals(1, board(a, version).get("A1").completed());
        // every try is kept, and kept as it was
        assertEquals(
                2,
                probe.writeAs(
                                a.franchiseId,
                                "update assignment set version = version where person_id = '" + a.employeeId
                                        + "' and 2 = (select count(*) from quiz_attempt where person_id = '"
                                        + a.employeeId
                                        + "')")
                        + 1);
        Exception refused = assertThrows(
                Exception.class, () -> probe.writeAs(a.franchiseId, "update quiz_attempt set passed = true"));
        assertTrue(Failures.causes(refused).contains("append-only")
                || Failures.causes(refused).contains("permission"));
    }

    @Test
    void anExcusedPersonNoLongerBlocksAndHasTheFranchisesDaysAfterReturning() {
        CharterVersion version = Drafts.readyForRollout(charters, quizzes, a);
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        run(a.hq, () -> rollouts.changeDueDays(21, 10));
        LocalDate back = LocalDate.now().plusDays(40);
        assertEquals(
                "error.excuse.reason",
                assertThrows(
                                BusinessException.class,
                                () -> run(a.manager, () -> training.excuse(version.getId(), a.employeeId, " ", back)))
                        .getMessageKey());
        assertEquals(
                "error.excuse.returnDate",
                assertThrows(
                                BusinessException.class,
                                () -> run(
                                        a.manager,
                                        () -> training.excuse(
                                                version.getId(),
                                                a.employeeId,
                                                "Parental leave",
                                                LocalDate.now().minusDays(1))))
                        .getMessageKey());
        run(a.manager, () -> training.excuse(version.getId(), a.employeeId, "Parental leave", back));
        StoreProgress a1 = board(a, version).get("A1");
        assertEquals(1, a1.excused());
        assertEquals(2, a1.open());
        PersonProgress excused =
                as(a.hq, () -> training.excuses(version.getId())).get(0);
        assertEquals("Parental leave", excused.excusedReason());
        assertEquals(back, excused.excusedUntil());
        assertEquals(back.plusDays(10), excused.due());
        assertEquals(a.manager, excused.excusedBy());
        // the export lists everyone not done, by store, the excused with their reason
        List<PersonProgress> notDone = as(a.hq, () -> training.notDone(version.getId()));
        assertEquals(4, notDone.size());
        assertEquals(
                List.of("A1", "A1", "A1", "B1"),
                notDone.stream().map(PersonProgress::storeCode).toList());
        assertEquals(1, notDone.stream().filter(PersonProgress::isExcused).count());
        // a manager of another store, and anyone of another franchise, cannot touch this person
        assertThrows(
                NotFoundException.class,
                () -> run(a.manager, () -> training.excuse(version.getId(), a.otherStoreEmployeeId, "Leave", back)));
        assertThrows(
                NotFoundException.class, () -> run(a.manager, () -> training.people(version.getId(), a.otherStoreId)));
        assertThrows(AccessDeniedException.class, () -> run(a.manager, () -> training.excuses(version.getId())));
        // the others sign; publication goes through with the excused person still to do
        for (String username : List.of(a.manager, "emp2-" + a.hq.substring(3), "other-" + a.hq.substring(3))) {
            sign(username, version);
        }
        run(a.hq, () -> rollouts.publish(version.getId(), null));
        MyAssignment mine = as(a.employee, acknowledgements::myAssignments).get(0);
        assertEquals("EXCUSED", mine.status());
        assertEquals(back.plusDays(10), mine.due());
    }

    @Test
    void leavingStopsCountingComingBackCountsAgainAndNewPeopleGetTheFranchisesDays() {
        CharterVersion version = Drafts.readyForRollout(charters, quizzes, a);
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        run(a.manager, () -> people.markLeft(a.employeeId, LocalDate.now()));
        StoreProgress afterLeaving = board(a, version).get("A1");
        assertEquals(2, afterLeaving.required());
        assertEquals(2, afterLeaving.open());
        run(a.manager, () -> people.rehire(a.employeeId));
        assertEquals(3, board(a, version).get("A1").open(), "hired again: assigned again");
        for (String username :
                List.of(a.manager, a.employee, "emp2-" + a.hq.substring(3), "other-" + a.hq.substring(3))) {
            sign(username, version);
        }
        run(a.hq, () -> rollouts.changeDueDays(21, 10));
        run(a.hq, () -> rollouts.publish(version.getId(), null));
        String newcomer = "new-" + World.suffix();
        run(a.manager, () -> people.addEmployee(a.storeId, World.person(newcomer)));
        MyAssignment assigned = as(newcomer, acknowledgements::myAssignments).get(0);
        assertEquals(version.getId(), assigned.versionId());
        assertTrue(assigned.isOpen());
        assertEquals(LocalDate.now().plusDays(21), assigned.due());
        assertEquals(
                "error.franchise.dueDays",
                assertThrows(BusinessException.class, () -> run(a.hq, () -> rollouts.changeDueDays(0, 10)))
                        .getMessageKey());
    }

    @Test
    void anotherFranchisesQuizAndPeopleAreNotFound() {
        CharterVersion foreign = Drafts.readyForRollout(charters, quizzes, b);
        List<Supplier<?>> calls = List.of(
                () -> quizzes.quiz(foreign.getId()),
                () -> quizzes.addQuestion(foreign.getId(), question(Language.EN, false, "Right", "Wrong")),
                () -> quizzes.languagesWithoutQuestions(foreign.getId()),
                () -> quizzes.preview(foreign.getId(), Language.EN),
                () -> training.people(foreign.getId(), a.storeId),
                () -> training.notDone(foreign.getId()),
                () -> training.excuses(foreign.getId()));
        for (Supplier<?> call : calls) {
            assertThrows(NotFoundException.class, () -> as(a.hq, call));
        }
        String foreignQuestion = as(b.hq, () -> quizzes.quiz(foreign.getId()))
                .getQuestions()
                .get(0)
                .getId();
        assertThrows(NotFoundException.class, () -> run(a.hq, () -> quizzes.removeQuestion(foreignQuestion)));
        run(b.hq, () -> rollouts.start(foreign.getId(), LocalDate.now().plusDays(30)));
        assertThrows(
                NotFoundException.class,
                () -> run(a.employee, () -> acknowledgements.quiz(foreign.getId(), Language.EN)));
        CharterVersion mine = Drafts.readyForRollout(charters, quizzes, a);
        run(a.hq, () -> rollouts.start(mine.getId(), LocalDate.now().plusDays(30)));
        assertThrows(
                NotFoundException.class,
                () -> run(a.manager, () -> training.excuse(mine.getId(), b.employeeId, "Leave", LocalDate.now())));
        assertThrows(
                AccessDeniedException.class, () -> run(a.employee, () -> training.people(mine.getId(), a.storeId)));
        assertThrows(AccessDeniedException.class, () -> run(a.manager, () -> quizzes.quiz(mine.getId())));
        assertNull(as(b.hq, () -> quizzes.existing(foreign.getId()))
                .orElseThrow()
                .getCharterVersion()
                .getEffectiveDate());
    }

    private void sign(String username, CharterVersion version) {
        run(
                username,
                () -> acknowledgements.answer(
                        version.getId(),
                        Language.EN,
                        Drafts.ticks(acknowledgements.quiz(version.getId(), Language.EN), "Right")));
        String shown = as(username, () -> acknowledgements.read(version.getId(), Language.EN))
                .sha256();
        run(
                username,
                () -> acknowledgements.sign(new Confirmation(
                        version.getId(), Language.EN, shown, "Person " + username, "127.0.0.1", "TrainingIT")));
    }

    private Map<String, StoreProgress> board(World world, CharterVersion version) {
        return as(world.hq, () -> rollouts.progress(version.getId())).stream()
                .collect(Collectors.toMap(StoreProgress::code, p -> p));
    }

    /** What the training page sends when the employee signs the version they were shown in German. */
    private Confirmation signing(World world, CharterVersion version) {
        String shown = as(world.employee, () -> acknowledgements.read(version.getId(), Language.DE))
                .sha256();
        return new Confirmation(
                version.getId(), Language.DE, shown, "Person " + world.employee, "127.0.0.1", "TrainingIT");
    }

    private static QuestionForm question(Language language, boolean multiple, String... labels) {
        return new QuestionForm(language, "Question?", multiple, choices(labels));
    }

    private static List<QuizQuestion.Choice> choices(String... labels) {
        return java.util.Arrays.stream(labels)
                .map(label -> new QuizQuestion.Choice(label, label.startsWith("Right")))
                .toList();
    }
}
