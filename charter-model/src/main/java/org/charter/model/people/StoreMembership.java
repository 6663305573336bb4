package org.charter.model.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.charter.model.common.TenantOwned;
import org.charter.model.store.Store;

/** A person works in, or manages, a store. A person may belong to several stores. */
@Entity
@Table(name = "store_membership")
public class StoreMembership extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @ManyToOne(optional = false)
    @JoinColumn(name = "store_id")
    private Store store;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MembershipRole role;

    protected StoreMembership() {}

    public StoreMembership(Person person, Store store, MembershipRole role) {
        this.person = person;
        this.store = store;
        this.role = role;
    }

    public Person getPerson() {
        return person;
    }

    public Store getStore() {
        return store;
    }

    public MembershipRole getRole() {
        return role;
    }
}
