package org.charter.model.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Lengths;
import org.charter.model.common.TenantOwned;

/** An optional grouping of stores, for the boards and for who looks after whom. */
@Entity
@Table(name = "region")
public class Region extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @Column(nullable = false, length = Lengths.SHORT_NAME)
    private String name;

    protected Region() {}

    public Region(String name) {
        rename(name);
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new BusinessException("error.required", "name");
        }
        if (newName.strip().length() > Lengths.SHORT_NAME) {
            throw new BusinessException("error.tooLong", "name", Lengths.SHORT_NAME);
        }
        this.name = newName.strip();
    }

    public String getName() {
        return name;
    }
}
