package org.charter.service.training;

import java.io.Serializable;
import java.util.List;
import org.charter.model.franchise.Language;

/** The quiz as the person taking it sees it: questions and choices, never which choices are right. */
public record QuizPaper(String versionId, Language language, int passMark, List<Question> questions)
        implements Serializable {

    public record Question(String id, String prompt, boolean multiple, List<Choice> choices) implements Serializable {}

    public record Choice(String id, String label) implements Serializable {}
}
