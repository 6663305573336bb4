package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.charter.web.it.TestCaller.run;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.charter.model.charter.CharterSection;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.SectionKind;
import org.charter.model.charter.TargetUnit;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;
import org.charter.model.training.QuizQuestion;
import org.charter.service.charter.CharterService;
import org.charter.service.training.QuestionForm;
import org.charter.service.training.QuizPaper;
import org.charter.service.training.QuizService;

/** Charter versions written through the service, as HQ would: every section, a standard, a summary. */
final class Drafts {

    private Drafts() {}

    /** Writes every section (and a standard) in the given languages, the first being the source. */
    static CharterVersion writeEverything(
            CharterService charters, World world, CharterVersion draft, Language... languages) {
        String id = draft.getId();
        for (Language language : languages) {
            // section ids from a fully loaded copy; each save returns the draft with its new lock version
            CharterVersion loadedDraft = as(world.hq, () -> charters.getVersion(id));
            long lock = loadedDraft.getVersion();
            for (CharterSection section : loadedDraft.getSections()) {
                long loaded = lock;
                String title = language.tag() + " " + section.getKind();
                lock = as(
                                world.hq,
                                () -> charters.saveSection(
                                        section.getId(), loaded, language, title, "<p>" + title + " text.</p>", null))
                        .getVersion();
            }
            CharterSection standards =
                    loadedDraft.section(SectionKind.SERVICE_STANDARDS).orElseThrow();
            long loaded = lock;
            if (standards.getStandards().isEmpty()) {
                run(
                        world.hq,
                        () -> charters.addStandard(
                                standards.getId(),
                                loaded,
                                ChannelKind.EMAIL,
                                24,
                                TargetUnit.HOURS,
                                "Reply within a day"));
            } else {
                String standardId = standards.getStandards().get(0).getId();
                run(
                        world.hq,
                        () -> charters.saveStandard(
                                standardId,
                                loaded,
                                ChannelKind.EMAIL,
                                24,
                                TargetUnit.HOURS,
                                language,
                                "Antwort innerhalb eines Tages"));
            }
        }
        long loaded = as(world.hq, () -> charters.getVersion(id)).getVersion();
        run(world.hq, () -> charters.describeChange(id, loaded, "First charter"));
        return as(world.hq, () -> charters.getVersion(id));
    }

    /** A frozen version with its quiz: in each language one single-answer and one two-answer question. */
    static CharterVersion readyForRollout(CharterService charters, QuizService quizzes, World world) {
        CharterVersion version = frozenVersion(charters, world);
        addQuiz(quizzes, world, version);
        return version;
    }

    /** The quiz of a frozen version: in each language one single-answer and one two-answer question. */
    static void addQuiz(QuizService quizzes, World world, CharterVersion version) {
        for (Language language : List.of(Language.EN, Language.DE)) {
            run(
                    world.hq,
                    () -> quizzes.addQuestion(
                            version.getId(),
                            new QuestionForm(
                                    language,
                                    "Who answers a complaint?",
                                    false,
                                    List.of(
                                            new QuizQuestion.Choice("Right: whoever takes it", true),
                                            new QuizQuestion.Choice("Wrong: only the manager", false)))));
            run(
                    world.hq,
                    () -> quizzes.addQuestion(
                            version.getId(),
                            new QuestionForm(
                                    language,
                                    "Which are promises?",
                                    true,
                                    List.of(
                                            new QuizQuestion.Choice("Right: reply within a day", true),
                                            new QuizQuestion.Choice("Wrong: reply when convenient", false),
                                            new QuizQuestion.Choice("Right: a named contact", true)))));
        }
    }

    /** Ticks of a quiz paper: every choice whose label starts with {@code prefix} ("Right" or "Wrong"). */
    static Map<String, Set<String>> ticks(QuizPaper paper, String prefix) {
        Map<String, Set<String>> ticks = new HashMap<>();
        for (QuizPaper.Question question : paper.questions()) {
            Set<String> chosen = new HashSet<>();
            for (QuizPaper.Choice choice : question.choices()) {
                if (choice.label().startsWith(prefix)) {
                    chosen.add(choice.id());
                }
            }
            ticks.put(question.id(), chosen);
        }
        return ticks;
    }

    static CharterVersion frozenVersion(CharterService charters, World world) {
        CharterVersion written =
                writeEverything(charters, world, as(world.hq, charters::startDraft), Language.EN, Language.DE);
        return as(world.hq, () -> charters.freeze(written.getId(), written.getVersion()));
    }
}
