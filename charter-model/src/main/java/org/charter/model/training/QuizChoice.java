package org.charter.model.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.charter.model.common.TenantOwned;

/** One answer offered to a question; whether it is right never leaves the server while someone takes the quiz. */
@Entity
@Table(name = "quiz_choice")
public class QuizChoice extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @ManyToOne(optional = false)
    @JoinColumn(name = "question_id")
    private QuizQuestion question;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = QuizQuestion.LABEL_LENGTH)
    private String label;

    @Column(nullable = false)
    private boolean correct;

    protected QuizChoice() {}

    QuizChoice(QuizQuestion question, int position, String label, boolean correct) {
        this.question = question;
        this.position = position;
        this.label = label;
        this.correct = correct;
    }

    public QuizQuestion getQuestion() {
        return question;
    }

    public int getPosition() {
        return position;
    }

    public String getLabel() {
        return label;
    }

    public boolean isCorrect() {
        return correct;
    }
}
