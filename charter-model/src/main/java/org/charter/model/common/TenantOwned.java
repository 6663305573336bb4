package org.charter.model.common;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Base of every record that belongs to one franchise. The first of the two tenant locks: EclipseLink adds
 * {@code tenant_id = ?} to every query and insert, from the entity manager's {@value #TENANT_PROPERTY}
 * property, which the service layer sets once per transaction from the signed-in account. The second lock is
 * PostgreSQL row-level security on the same column (see V1__foundation.sql).
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantOwned.TENANT_PROPERTY)
public abstract class TenantOwned implements Serializable {

    public static final String TENANT_PROPERTY = "eclipselink.tenant-id";

    private static final long serialVersionUID = 1L;

    @Id
    @Column(length = 36)
    private String id;

    @Version
    private long version;

    protected TenantOwned() {
        this.id = Ids.newId();
    }

    public String getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && Objects.equals(id, ((TenantOwned) other).id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
