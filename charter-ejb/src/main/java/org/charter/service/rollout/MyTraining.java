package org.charter.service.rollout;

import java.io.Serializable;
import java.util.List;
import org.charter.model.rollout.Acknowledgement;
import org.charter.service.training.QuizPaper;
import org.charter.service.training.Reading;

/**
 * The signed-in person's training page, read in one transaction: their assigned versions and, for the one open,
 * its pages, whether the quiz is passed, the quiz itself while not signed, and the signature once given.
 */
public record MyTraining(
        List<MyAssignment> assignments, Reading reading, boolean quizPassed, QuizPaper paper, Acknowledgement signature)
        implements Serializable {}
