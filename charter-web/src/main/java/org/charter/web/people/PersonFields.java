package org.charter.web.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.charter.model.common.Lengths;
import org.charter.model.franchise.Language;
import org.charter.service.people.PersonForm;

/** The fields of the person dialog, shared by the roster and the managers page. */
public class PersonFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String personId;
    private long version;

    @NotBlank
    @Size(max = Lengths.NAME)
    private String fullName;

    @Size(max = Lengths.USERNAME)
    private String username;

    @Size(max = Lengths.EMPLOYEE_NUMBER)
    private String employeeNumber;

    private LocalDate hireDate;

    @NotNull
    private Language language = Language.EN;

    @Size(max = Lengths.EMAIL)
    private String email;

    public PersonForm toForm() {
        return new PersonForm(fullName, username, employeeNumber, hireDate, language, email, version);
    }

    public boolean isNew() {
        return personId == null;
    }

    public String getPersonId() {
        return personId;
    }

    public void setPersonId(String personId) {
        this.personId = personId;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public void setEmployeeNumber(String employeeNumber) {
        this.employeeNumber = employeeNumber;
    }

    public LocalDate getHireDate() {
        return hireDate;
    }

    public void setHireDate(LocalDate hireDate) {
        this.hireDate = hireDate;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
