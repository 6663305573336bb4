package org.charter.service.training;

import java.io.Serializable;
import java.util.List;
import org.charter.model.franchise.Language;
import org.charter.model.training.QuizQuestion;

/** A question as HQ writes it: the language, the prompt, one or several right answers, and the choices. */
public record QuestionForm(Language language, String prompt, boolean multiple, List<QuizQuestion.Choice> choices)
        implements Serializable {}
