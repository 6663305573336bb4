package org.charter.service.training;

import java.io.Serializable;

/**
 * How a try at the quiz went: how many questions were answered right, of how many, and whether that passes.
 * Deliberately not which ones: a retake must not be a matter of flipping the wrong answers.
 */
public record QuizResult(int correct, int questions, int passMark, boolean passed) implements Serializable {}
