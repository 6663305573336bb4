package org.charter.model.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Lengths;
import org.charter.model.common.TenantOwned;
import org.charter.model.franchise.Language;

/** Someone who works for the franchise: HQ staff, a store manager or an employee. Never deleted. */
@Entity
@Table(name = "person")
public class Person extends TenantOwned {

    private static final long serialVersionUID = 1L;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @OneToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "full_name", nullable = false, length = Lengths.NAME)
    private String fullName;

    @Column(name = "employee_number", length = Lengths.EMPLOYEE_NUMBER)
    private String employeeNumber;

    @Column(name = "hire_date")
    private LocalDate hireDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PersonStatus status = PersonStatus.ACTIVE;

    @Column(name = "preferred_locale", nullable = false, length = Lengths.LOCALE)
    private String preferredLocale;

    @Column(length = Lengths.EMAIL)
    private String email;

    /** Whether optional notices (digests, session reminders) go out by mail too; mandatory ones always do. */
    @Column(name = "optional_by_mail", nullable = false)
    private boolean optionalByMail = true;

    @Column(name = "left_on")
    private LocalDate leftOn;

    protected Person() {}

    public Person(Account account, String fullName, Language language) {
        this.account = account;
        describe(fullName, null, null, language, null);
    }

    /** Changes what HR knows about the person; a null language keeps the one they have. */
    public void describe(String name, String number, LocalDate hired, Language language, String mail) {
        if (name == null || name.isBlank()) {
            throw new BusinessException("error.required", "fullName");
        }
        if (name.strip().length() > Lengths.NAME) {
            throw new BusinessException("error.tooLong", "fullName", Lengths.NAME);
        }
        String tidyNumber = number == null || number.isBlank() ? null : number.strip();
        if (tidyNumber != null && tidyNumber.length() > Lengths.EMPLOYEE_NUMBER) {
            throw new BusinessException("error.tooLong", "employeeNumber", Lengths.EMPLOYEE_NUMBER);
        }
        String tidyMail = mail == null || mail.isBlank() ? null : mail.strip();
        if (tidyMail != null
                && (tidyMail.length() > Lengths.EMAIL
                        || !EMAIL.matcher(tidyMail).matches())) {
            throw new BusinessException("error.email", tidyMail);
        }
        if (hired != null && hired.isAfter(LocalDate.now().plusYears(1))) {
            throw new BusinessException("error.person.hireDate");
        }
        this.fullName = name.strip();
        this.employeeNumber = tidyNumber;
        this.hireDate = hired;
        this.email = tidyMail;
        if (language != null) {
            this.preferredLocale = language.tag();
        }
    }

    public void goOnLeave() {
        requireNotLeft();
        this.status = PersonStatus.ON_LEAVE;
    }

    public void returnToWork() {
        requireNotLeft();
        this.status = PersonStatus.ACTIVE;
    }

    /** The person leaves: their sign-in stops working; their records stay. */
    public void leave(LocalDate on) {
        this.status = PersonStatus.LEFT;
        this.leftOn = on;
        account.deactivate();
    }

    public void rehire() {
        this.status = PersonStatus.ACTIVE;
        this.leftOn = null;
        account.reactivate();
    }

    private void requireNotLeft() {
        if (status == PersonStatus.LEFT) {
            throw new BusinessException("error.person.left");
        }
    }

    public Account getAccount() {
        return account;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public LocalDate getHireDate() {
        return hireDate;
    }

    public PersonStatus getStatus() {
        return status;
    }

    public Language getLanguage() {
        return Language.fromTag(preferredLocale).orElse(Language.EN);
    }

    public boolean isOptionalByMail() {
        return optionalByMail;
    }

    public void chooseOptionalByMail(boolean byMail) {
        this.optionalByMail = byMail;
    }

    public String getEmail() {
        return email;
    }

    public LocalDate getLeftOn() {
        return leftOn;
    }
}
