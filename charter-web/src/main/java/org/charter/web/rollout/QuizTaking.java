package org.charter.web.rollout;

import java.io.Serializable;
import org.charter.service.training.QuizPaper;
import org.charter.service.training.QuizResult;

/**
 * One person taking the quiz on a page, on their phone or at the manager's device: the paper, the ticks, and
 * the last result. A failed try clears the ticks, so a retake starts blank.
 */
public class QuizTaking implements Serializable {

    private static final long serialVersionUID = 1L;

    private QuizPaper paper;
    private QuizResult result;
    private boolean passed;
    private final Answers answers = new Answers();

    /** A fresh start on {@code paper}, for someone who has or has not passed already. */
    public void start(QuizPaper newPaper, boolean alreadyPassed) {
        paper = newPaper;
        passed = alreadyPassed;
        result = null;
        answers.clear();
    }

    /** Takes the marked try. */
    public void marked(QuizResult marked) {
        result = marked;
        passed = marked.passed();
        if (!passed) {
            answers.clear();
        }
    }

    public QuizPaper getPaper() {
        return paper;
    }

    public QuizResult getResult() {
        return result;
    }

    public boolean isPassed() {
        return passed;
    }

    public Answers getAnswers() {
        return answers;
    }
}
