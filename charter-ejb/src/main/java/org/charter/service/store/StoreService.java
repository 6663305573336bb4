package org.charter.service.store;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.people.PersonStatus;
import org.charter.model.people.Role;
import org.charter.model.store.ContactChannel;
import org.charter.model.store.Region;
import org.charter.model.store.Store;
import org.charter.service.audit.AuditTrail;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/** Regions and stores of the caller's franchise: HQ writes, store managers read their own stores. */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class StoreService {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    StoreScope scope;

    // Regions -----------------------------------------------------------------------------------------------

    public List<Region> listRegions() {
        return em.createQuery("select r from Region r order by lower(r.name)", Region.class)
                .getResultList();
    }

    public Region createRegion(String name) {
        Region region = new Region(name);
        requireFreeRegionName(region.getName(), null);
        em.persist(region);
        audit.record("region.created", "region", region.getId(), region.getName());
        return region;
    }

    public Region renameRegion(String regionId, long version, String name) {
        Region region = getRegion(regionId);
        checkVersion(region.getVersion(), version);
        region.rename(name);
        requireFreeRegionName(region.getName(), region.getId());
        audit.record("region.renamed", "region", region.getId(), region.getName());
        return region;
    }

    /** Only an empty region can go; its stores would otherwise lose their place. */
    public void deleteRegion(String regionId) {
        Region region = getRegion(regionId);
        long stores = em.createQuery("select count(s) from Store s where s.region = :region", Long.class)
                .setParameter("region", region)
                .getSingleResult();
        if (stores > 0) {
            throw new BusinessException("error.region.notEmpty", region.getName(), stores);
        }
        em.remove(region);
        audit.record("region.deleted", "region", region.getId(), region.getName());
    }

    public Region getRegion(String regionId) {
        return Optional.ofNullable(Ids.isWellFormed(regionId) ? em.find(Region.class, regionId) : null)
                .orElseThrow(() -> new NotFoundException("region", regionId));
    }

    // Stores ------------------------------------------------------------------------------------------------

    /** The stores the caller may see, with their head count: all for HQ, their own for a store manager. */
    @Permit({Role.HQ_ADMIN, Role.STORE_MANAGER})
    public List<StoreSummary> listStores() {
        List<String> mine = scope.managedStoreIds();
        if (mine != null && mine.isEmpty()) {
            return List.of();
        }
        String jpql = "select new org.charter.service.store.StoreSummary(s.id, s.code, s.name, r.name, s.city,"
                + " s.active, (select count(distinct m.person) from StoreMembership m where m.store = s"
                + " and m.person.status <> :left))"
                + " from Store s left join s.region r"
                + (mine == null ? "" : " where s.id in :mine")
                + " order by s.code";
        var query = em.createQuery(jpql, StoreSummary.class).setParameter("left", PersonStatus.LEFT);
        if (mine != null) {
            query.setParameter("mine", mine);
        }
        return query.getResultList();
    }

    @Permit({Role.HQ_ADMIN, Role.STORE_MANAGER})
    public Store getStore(String storeId) {
        Store store = scope.requireStore(storeId);
        store.getChannels().size();
        return store;
    }

    public Store createStore(StoreForm form) {
        Store store = new Store(form.code(), form.name(), form.timeZone());
        requireFreeCode(store.getCode(), null);
        apply(store, form);
        em.persist(store);
        audit.record("store.created", "store", store.getId(), store.getCode() + " " + store.getName());
        return store;
    }

    public Store updateStore(String storeId, StoreForm form) {
        Store store = getStore(storeId);
        checkVersion(store.getVersion(), form.version());
        store.rename(form.name());
        store.moveToZone(form.timeZone());
        apply(store, form);
        audit.record("store.updated", "store", store.getId(), store.getCode() + " " + store.getName());
        return store;
    }

    public Store closeStore(String storeId) {
        Store store = getStore(storeId);
        store.close();
        audit.record("store.closed", "store", store.getId(), store.getCode());
        return store;
    }

    public Store reopenStore(String storeId) {
        Store store = getStore(storeId);
        store.reopen();
        audit.record("store.reopened", "store", store.getId(), store.getCode());
        return store;
    }

    private void apply(Store store, StoreForm form) {
        store.placeInRegion(form.regionId() == null || form.regionId().isBlank() ? null : getRegion(form.regionId()));
        store.relocate(form.street(), form.postalCode(), form.city(), form.country());
        for (ContactChannel channel : List.copyOf(store.getChannels())) {
            store.removeChannel(channel);
        }
        em.flush();
        for (ChannelForm channel : form.channels()) {
            if (channel.kind() == null) {
                throw new BusinessException("error.required", "kind");
            }
            store.addChannel(channel.kind(), channel.contact(), channel.hours());
        }
    }

    private void requireFreeCode(String code, String exceptId) {
        boolean taken = em.createQuery("select s.id from Store s where s.code = :code", String.class)
                .setParameter("code", code)
                .getResultStream()
                .anyMatch(id -> !id.equals(exceptId));
        if (taken) {
            throw new BusinessException("error.store.codeTaken", code);
        }
    }

    private void requireFreeRegionName(String name, String exceptId) {
        boolean taken = em.createQuery("select r.id from Region r where lower(r.name) = lower(:name)", String.class)
                .setParameter("name", name)
                .getResultStream()
                .anyMatch(id -> !id.equals(exceptId));
        if (taken) {
            throw new BusinessException("error.region.nameTaken", name);
        }
    }

    static void checkVersion(long current, long loaded) {
        if (current != loaded) {
            throw new BusinessException("error.concurrentChange");
        }
    }
}
