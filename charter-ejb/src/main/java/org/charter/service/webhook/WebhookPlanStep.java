package org.charter.service.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import org.charter.service.database.Rows;
import org.charter.service.notice.PlanStep;

/**
 * Events nobody's action makes happen, found by the engine's planning round each minute: a complaint past the
 * charter's promise (first response or resolution), and a rollout past its deadline with people still to sign.
 * Each is written once per endpoint and occurrence (a unique key). A breach goes only to endpoints registered before
 * its deadline passed, so a new endpoint is not sent a month of old news; an overdue rollout is news for as long as
 * it stays overdue.
 */
@ApplicationScoped
public class WebhookPlanStep implements PlanStep {

    private static final String BREACHES = "insert into webhook_delivery (id, tenant_id, webhook_id, event, payload,"
            + " status, next_at, occurrence)"
            + " select gen_random_uuid(), w.tenant_id, w.id, 'complaint.breached', json_build_object("
            + "  'type', 'complaint.breached', 'timestamp', cast(?2 as timestamptz), 'data', json_build_object("
            + "  'reference', b.reference, 'store', s.code, 'deadline', b.clock, 'dueAt', b.due))::text,"
            + "  'QUEUED', cast(?2 as timestamptz), 'breach:' || b.id || ':' || b.clock"
            + " from (select id, reference, store_id, 'response' as clock, response_due_at as due from feedback"
            + "   where tenant_id = cast(?1 as uuid) and kind = 'COMPLAINT' and status in ('NEW', 'ACKNOWLEDGED')"
            + "   and responded_at is null and response_due_at <= cast(?2 as timestamptz)"
            + "   and response_due_at > cast(?2 as timestamptz) - interval '30 days'"
            + "  union all select id, reference, store_id, 'resolution', resolution_due_at from feedback"
            + "   where tenant_id = cast(?1 as uuid) and kind = 'COMPLAINT' and status in ('NEW', 'ACKNOWLEDGED')"
            + "   and resolution_due_at <= cast(?2 as timestamptz)"
            + "   and resolution_due_at > cast(?2 as timestamptz) - interval '30 days') b"
            + " join store s on s.id = b.store_id"
            + " join webhook w on w.tenant_id = cast(?1 as uuid) and w.active and w.created_at <= b.due"
            + "  and position(',complaint.breached,' in ',' || w.events || ',') > 0"
            + " on conflict (tenant_id, webhook_id, occurrence) where occurrence is not null do nothing";

    private static final String OVERDUE = "insert into webhook_delivery (id, tenant_id, webhook_id, event, payload,"
            + " status, next_at, occurrence)"
            + " select gen_random_uuid(), w.tenant_id, w.id, 'rollout.overdue', json_build_object("
            + "  'type', 'rollout.overdue', 'timestamp', cast(?2 as timestamptz), 'data', json_build_object("
            + "  'version', v.number, 'deadline', ro.deadline, 'openStores', o.stores, 'openPeople', o.people))::text,"
            + "  'QUEUED', cast(?2 as timestamptz), 'rollout-overdue:' || ro.id || ':' || ro.deadline"
            + " from rollout ro join charter_version v on v.id = ro.version_id and v.status = 'ROLLOUT'"
            + " join franchise f on f.id = ro.tenant_id"
            + " cross join lateral (select count(distinct a.store_id) as stores, count(*) as people"
            + "  from assignment a join person p on p.id = a.person_id and p.status <> 'LEFT'"
            + "  where a.version_id = v.id and a.status = 'ASSIGNED') o"
            + " join webhook w on w.tenant_id = ro.tenant_id and w.active"
            + "  and position(',rollout.overdue,' in ',' || w.events || ',') > 0"
            + " where ro.tenant_id = cast(?1 as uuid) and o.people > 0"
            + " and (cast(?2 as timestamptz) at time zone f.time_zone)::date > ro.deadline"
            + " on conflict (tenant_id, webhook_id, occurrence) where occurrence is not null do nothing";

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Override
    public void plan(String franchiseId, OffsetDateTime now) {
        for (String sql : new String[] {BREACHES, OVERDUE}) {
            Rows.nativeQuery(em, sql)
                    .setParameter(1, franchiseId)
                    .setParameter(2, now)
                    .executeUpdate();
        }
    }
}
