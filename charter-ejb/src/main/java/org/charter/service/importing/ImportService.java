package org.charter.service.importing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Franchise;
import org.charter.model.franchise.Language;
import org.charter.model.people.Account;
import org.charter.model.people.Person;
import org.charter.model.people.Role;
import org.charter.model.store.Region;
import org.charter.model.store.Store;
import org.charter.service.api.ApiDirectory;
import org.charter.service.api.StoreRecord;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.Rows;
import org.charter.service.importing.PlannedLine.Action;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/**
 * HQ's CSV imports. A file is read and checked line by line against the same rules as the forms (each line's
 * values go through the entities' own checks), kept, and previewed; applying it checks it again and writes all
 * of it in one transaction, or nothing when any line is wrong. Staff are written in a few set-based statements
 * (a whole file's new people in one insert), so that a large franchise's file takes seconds; stores go through the
 * same upsert as the API.
 */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class ImportService {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd"),
            DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"));

    /** Stores go one by one through the API's upsert; a franchise has hundreds, not hundreds of thousands. */
    static final int MAX_STORE_LINES = 5_000;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    @Inject
    ApiDirectory directory;

    /**
     * Reads and checks a file, keeps it for applying, and tells what applying it would do. {@code labels} maps the
     * column names people may use (the pages' field labels in every language) to the columns.
     */
    public ImportPreview preview(ImportKind kind, String fileName, byte[] content, Map<String, String> labels) {
        Plan plan = plan(kind, content, labels);
        String id = Ids.newId();
        nativeQuery("insert into import_file (id, tenant_id, kind, file_name, sha256, content, line_count, error_count,"
                        + " uploaded_by) values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, id)
                .setParameter(2, franchiseId())
                .setParameter(3, kind.name())
                .setParameter(4, fileName == null ? null : limited(fileName, 200))
                .setParameter(5, sha256(content))
                .setParameter(6, content)
                .setParameter(7, plan.lines)
                .setParameter(8, plan.errorLines())
                .setParameter(9, callers.current().username())
                .executeUpdate();
        return plan.preview(id, kind, fileName);
    }

    /** Checks the kept file again and writes all of it, or nothing when a line is wrong now. */
    public ImportResult apply(String importId, Map<String, String> labels) {
        List<?> found = Ids.isWellFormed(importId)
                ? nativeQuery("select kind, content, applied_at from import_file where id = cast(?1 as uuid)"
                                + " and tenant_id = cast(?2 as uuid) for update")
                        .setParameter(1, importId)
                        .setParameter(2, franchiseId())
                        .getResultList()
                : List.of();
        if (found.isEmpty()) {
            throw new NotFoundException("import", importId);
        }
        Object[] row = (Object[]) found.get(0);
        if (row[2] != null) {
            throw new BusinessException("import.alreadyApplied");
        }
        ImportKind kind = ImportKind.valueOf((String) row[0]);
        Plan plan = plan(kind, (byte[]) row[1], labels);
        if (plan.errorLines() > 0) {
            throw new BusinessException("import.hasErrors", plan.errorLines());
        }
        if (kind == ImportKind.STAFF) {
            writeStaff(plan);
        } else {
            writeStores(plan);
        }
        ImportResult result =
                new ImportResult(kind, plan.count(Action.CREATE), plan.count(Action.CHANGE), plan.count(Action.SAME));
        nativeQuery("update import_file set applied_at = now(), created = ?2, changed = ?3, unchanged = ?4"
                        + " where id = cast(?1 as uuid)")
                .setParameter(1, importId)
                .setParameter(2, result.created())
                .setParameter(3, result.changed())
                .setParameter(4, result.unchanged())
                .executeUpdate();
        audit.record(
                "import.applied",
                "import",
                importId,
                kind + ": " + result.created() + " created, " + result.changed() + " changed, " + result.unchanged()
                        + " unchanged");
        return result;
    }

    // Planning ---------------------------------------------------------------------------------------------------

    /** A file read and checked: per line, what it would do or what is wrong with it. */
    private static final class Plan {
        final int lines;
        final List<LineError> errors = new ArrayList<>();
        final Set<Integer> wrongLines = new HashSet<>();
        final List<PlannedLine> planned = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        Plan(int lines) {
            this.lines = lines;
        }

        void error(int line, String key, String messageKey, Object... arguments) {
            wrongLines.add(line);
            List<String> texts = new ArrayList<>();
            for (Object argument : arguments) {
                texts.add(String.valueOf(argument));
            }
            errors.add(new LineError(line, key, messageKey, texts));
        }

        void plan(int line, String key, Action action, String detail, Object value) {
            planned.add(new PlannedLine(line, key, action, detail));
            values.add(value);
        }

        int errorLines() {
            return wrongLines.size();
        }

        int count(Action action) {
            return (int) planned.stream().filter(p -> p.action() == action).count();
        }

        ImportPreview preview(String id, ImportKind kind, String fileName) {
            return new ImportPreview(
                    id,
                    kind,
                    fileName,
                    lines,
                    count(Action.CREATE),
                    count(Action.CHANGE),
                    count(Action.SAME),
                    errorLines(),
                    List.copyOf(errors.subList(0, Math.min(errors.size(), ImportPreview.SHOWN))),
                    planned.stream()
                            .filter(p -> p.action() != Action.SAME)
                            .limit(ImportPreview.SHOWN)
                            .toList());
        }
    }

    private Plan plan(ImportKind kind, byte[] content, Map<String, String> labels) {
        CsvTable table = CsvTable.read(content, kind.columns(), kind.required(), labels);
        return kind == ImportKind.STAFF ? planStaff(table) : planStores(table);
    }

    /** A person line as it will be written. */
    private record StaffLine(
            String personId,
            String accountId,
            String username,
            String fullName,
            String number,
            LocalDate hireDate,
            String locale,
            String email,
            String storeId,
            boolean moves) {}

    private record Known(
            String id,
            String fullName,
            String email,
            String locale,
            LocalDate hireDate,
            String storeId,
            String store) {}

    private Plan planStaff(CsvTable table) {
        Plan plan = new Plan(table.lines().size());
        Franchise franchise = em.find(Franchise.class, franchiseId());
        Map<String, String> stores = storeIds();
        List<String> numbers = new ArrayList<>();
        for (CsvTable.Line line : table.lines()) {
            if (line.get("employeeNumber") != null) {
                numbers.add(line.get("employeeNumber"));
            }
        }
        Map<String, Known> known = knownPeople(numbers);
        Map<String, Integer> seenNumbers = new HashMap<>();
        Map<String, Integer> seenUsernames = new HashMap<>();
        List<String> wantedUsernames = new ArrayList<>();
        Map<Integer, String> usernameOfLine = new HashMap<>();
        for (CsvTable.Line line : table.lines()) {
            int n = line.number();
            String number = line.get("employeeNumber");
            if (number == null) {
                plan.error(n, "", "error.required", "employeeNumber");
                continue;
            }
            Integer earlier = seenNumbers.putIfAbsent(number, n);
            if (earlier != null) {
                plan.error(n, number, "import.duplicate", number, earlier);
                continue;
            }
            String storeCode = line.get("store");
            String storeId = storeCode == null ? null : stores.get(storeCode.toUpperCase(Locale.ROOT));
            if (storeCode == null) {
                plan.error(n, number, "error.required", "store");
            } else if (storeId == null) {
                plan.error(n, number, "error.api.unknownStore", storeCode);
            }
            Language language = null;
            if (line.get("language") != null) {
                language = Language.fromTag(line.get("language").toLowerCase(Locale.ROOT))
                        .orElse(null);
                if (language == null) {
                    plan.error(n, number, "error.api.language", line.get("language"));
                }
            }
            LocalDate hired = null;
            if (line.get("hireDate") != null) {
                hired = date(line.get("hireDate"));
                if (hired == null) {
                    plan.error(n, number, "import.date", line.get("hireDate"));
                }
            }
            Known before = known.get(number);
            String username = before != null
                    ? null
                    : line.get("username") != null
                            ? line.get("username").toLowerCase(Locale.ROOT)
                            : Account.defaultUsername(franchise.getSlug(), number);
            Person checked;
            try {
                Language effective = language != null
                        ? language
                        : before != null
                                ? Language.fromTag(before.locale()).orElse(franchise.getDefaultLanguage())
                                : franchise.getDefaultLanguage();
                Account account = new Account(
                        franchiseId(),
                        username != null ? username : "placeholder",
                        java.util.EnumSet.of(Role.EMPLOYEE));
                checked = new Person(account, line.get("fullName"), effective);
                checked.describe(
                        line.get("fullName"),
                        number,
                        columnOr(line, "hireDate", hired, before == null ? null : before.hireDate()),
                        effective,
                        columnOr(line, "email", line.get("email"), before == null ? null : before.email()));
            } catch (BusinessException e) {
                plan.error(n, number, e.getMessageKey(), e.getArguments());
                continue;
            }
            if (plan.wrongLines.contains(n)) {
                continue;
            }
            if (username != null) {
                Integer sameName = seenUsernames.putIfAbsent(username, n);
                if (sameName != null) {
                    plan.error(n, number, "import.duplicate", username, sameName);
                    continue;
                }
                wantedUsernames.add(username);
                usernameOfLine.put(n, username);
            }
            if (before == null) {
                plan.plan(
                        n,
                        number,
                        Action.CREATE,
                        checked.getFullName() + " @ " + storeCode.toUpperCase(Locale.ROOT),
                        new StaffLine(
                                Ids.newId(),
                                Ids.newId(),
                                username,
                                checked.getFullName(),
                                number,
                                checked.getHireDate(),
                                checked.getLanguage().tag(),
                                checked.getEmail(),
                                storeId,
                                false));
                continue;
            }
            List<String> changes = new ArrayList<>();
            if (!checked.getFullName().equals(before.fullName())) {
                changes.add("fullName");
            }
            if (!Objects.equals(checked.getEmail(), before.email())) {
                changes.add("email");
            }
            if (!checked.getLanguage().tag().equals(before.locale())) {
                changes.add("language");
            }
            if (!Objects.equals(checked.getHireDate(), before.hireDate())) {
                changes.add("hireDate");
            }
            boolean moves = !storeId.equals(before.storeId());
            if (moves) {
                changes.add("store");
            }
            plan.plan(
                    n,
                    number,
                    changes.isEmpty() ? Action.SAME : Action.CHANGE,
                    String.join(", ", changes),
                    new StaffLine(
                            before.id(),
                            null,
                            null,
                            checked.getFullName(),
                            number,
                            checked.getHireDate(),
                            checked.getLanguage().tag(),
                            checked.getEmail(),
                            storeId,
                            moves));
        }
        Set<String> taken = takenUsernames(wantedUsernames);
        if (!taken.isEmpty()) {
            for (int i = plan.planned.size() - 1; i >= 0; i--) {
                PlannedLine line = plan.planned.get(i);
                String username = usernameOfLine.get(line.line());
                if (username != null && taken.contains(username)) {
                    plan.error(line.line(), line.key(), "error.username.taken", username);
                    plan.planned.remove(i);
                    plan.values.remove(i);
                }
            }
            plan.errors.sort(java.util.Comparator.comparingInt(LineError::line));
        }
        return plan;
    }

    /** A column the file has sets the value (an empty cell clears it); a column it lacks keeps what is there. */
    private static <T> T columnOr(CsvTable.Line line, String column, T fromFile, T kept) {
        return line.fields().containsKey(column) ? fromFile : kept;
    }

    private Plan planStores(CsvTable table) {
        if (table.lines().size() > MAX_STORE_LINES) {
            throw new BusinessException("import.tooManyLines", MAX_STORE_LINES);
        }
        Plan plan = new Plan(table.lines().size());
        Map<String, StoreRecord> known = new HashMap<>();
        for (Object[] row :
                Rows.list(nativeQuery("select s.code, s.name, r.name, s.street, s.postal_code, s.city, s.country,"
                                + " s.time_zone, s.active from store s left join region r on r.id = s.region_id"
                                + " where s.tenant_id = cast(?1 as uuid)")
                        .setParameter(1, franchiseId()))) {
            known.put(
                    (String) row[0],
                    new StoreRecord(
                            (String) row[0],
                            (String) row[1],
                            (String) row[2],
                            (String) row[3],
                            (String) row[4],
                            (String) row[5],
                            (String) row[6],
                            (String) row[7],
                            (Boolean) row[8],
                            0L));
        }
        String franchiseZone = em.find(Franchise.class, franchiseId()).getTimeZone();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTable.Line line : table.lines()) {
            int n = line.number();
            String code;
            StoreRecord sent;
            try {
                String zone = line.get("timeZone");
                Store checked = new Store(line.get("code"), line.get("name"), zone == null ? franchiseZone : zone);
                checked.relocate(line.get("street"), line.get("postalCode"), line.get("city"), line.get("country"));
                if (line.get("region") != null) {
                    new Region(line.get("region"));
                }
                code = checked.getCode();
                StoreRecord before = known.get(code);
                sent = new StoreRecord(
                        code,
                        checked.getName(),
                        columnOr(line, "region", line.get("region"), before == null ? null : before.region()),
                        columnOr(line, "street", checked.getStreet(), before == null ? null : before.street()),
                        columnOr(
                                line,
                                "postalCode",
                                checked.getPostalCode(),
                                before == null ? null : before.postalCode()),
                        columnOr(line, "city", checked.getCity(), before == null ? null : before.city()),
                        columnOr(line, "country", checked.getCountry(), before == null ? null : before.country()),
                        columnOr(
                                line,
                                "timeZone",
                                checked.getTimeZone(),
                                before == null ? checked.getTimeZone() : before.timeZone()),
                        null,
                        null);
            } catch (BusinessException e) {
                plan.error(n, String.valueOf(line.get("code")), e.getMessageKey(), e.getArguments());
                continue;
            }
            Integer earlier = seen.putIfAbsent(code, n);
            if (earlier != null) {
                plan.error(n, code, "import.duplicate", code, earlier);
                continue;
            }
            StoreRecord before = known.get(code);
            if (before == null) {
                plan.plan(n, code, Action.CREATE, sent.name(), sent);
                continue;
            }
            List<String> changes = new ArrayList<>();
            compare(changes, "name", before.name(), sent.name());
            compare(changes, "region", before.region(), sent.region());
            compare(changes, "street", before.street(), sent.street());
            compare(changes, "postalCode", before.postalCode(), sent.postalCode());
            compare(changes, "city", before.city(), sent.city());
            compare(changes, "country", before.country(), sent.country());
            compare(changes, "timeZone", before.timeZone(), sent.timeZone());
            plan.plan(n, code, changes.isEmpty() ? Action.SAME : Action.CHANGE, String.join(", ", changes), sent);
        }
        return plan;
    }

    private static void compare(List<String> changes, String field, String before, String after) {
        String a = before == null ? "" : before;
        String b = after == null ? "" : after;
        if (field.equals("region") ? !a.equalsIgnoreCase(b) : !a.equals(b)) {
            changes.add(field);
        }
    }

    // Writing ------------------------------------------------------------------------------------------------------

    private void writeStores(Plan plan) {
        for (int i = 0; i < plan.planned.size(); i++) {
            if (plan.planned.get(i).action() != Action.SAME) {
                StoreRecord store = (StoreRecord) plan.values.get(i);
                directory.putStore(store.code(), store, null);
            }
        }
    }

    private void writeStaff(Plan plan) {
        List<StaffLine> created = new ArrayList<>();
        List<StaffLine> changed = new ArrayList<>();
        for (int i = 0; i < plan.planned.size(); i++) {
            Action action = plan.planned.get(i).action();
            if (action == Action.CREATE) {
                created.add((StaffLine) plan.values.get(i));
            } else if (action == Action.CHANGE) {
                changed.add((StaffLine) plan.values.get(i));
            }
        }
        String tenant = franchiseId();
        if (!created.isEmpty()) {
            nativeQuery("insert into account (id, franchise_id, username, roles)"
                            + " select u.id, cast(?1 as uuid), u.username, 'EMPLOYEE'"
                            + " from unnest(cast(?2 as uuid[]), cast(?3 as text[])) as u(id, username)")
                    .setParameter(1, tenant)
                    .setParameter(2, array(created, StaffLine::accountId))
                    .setParameter(3, array(created, StaffLine::username))
                    .executeUpdate();
            nativeQuery("insert into person (id, tenant_id, account_id, full_name, employee_number, hire_date, status,"
                            + " preferred_locale, email)"
                            + " select u.id, cast(?1 as uuid), u.account, u.name, u.number, u.hired, 'ACTIVE', u.locale,"
                            + " u.email from unnest(cast(?2 as uuid[]), cast(?3 as uuid[]), cast(?4 as text[]),"
                            + " cast(?5 as text[]), cast(?6 as date[]), cast(?7 as text[]), cast(?8 as text[]))"
                            + " as u(id, account, name, number, hired, locale, email)")
                    .setParameter(1, tenant)
                    .setParameter(2, array(created, StaffLine::personId))
                    .setParameter(3, array(created, StaffLine::accountId))
                    .setParameter(4, array(created, StaffLine::fullName))
                    .setParameter(5, array(created, StaffLine::number))
                    .setParameter(6, array(created, StaffLine::hireDate))
                    .setParameter(7, array(created, StaffLine::locale))
                    .setParameter(8, array(created, StaffLine::email))
                    .executeUpdate();
            addStaffMemberships(tenant, created);
            assignOpenVersions(tenant, created);
        }
        if (!changed.isEmpty()) {
            nativeQuery("update person p set full_name = u.name, hire_date = u.hired, preferred_locale = u.locale,"
                            + " email = u.email, version = p.version + 1"
                            + " from unnest(cast(?1 as uuid[]), cast(?2 as text[]), cast(?3 as date[]),"
                            + " cast(?4 as text[]), cast(?5 as text[])) as u(id, name, hired, locale, email)"
                            + " where p.id = u.id and (p.full_name, p.hire_date, p.preferred_locale, p.email)"
                            + " is distinct from (u.name, u.hired, u.locale, u.email)")
                    .setParameter(1, array(changed, StaffLine::personId))
                    .setParameter(2, array(changed, StaffLine::fullName))
                    .setParameter(3, array(changed, StaffLine::hireDate))
                    .setParameter(4, array(changed, StaffLine::locale))
                    .setParameter(5, array(changed, StaffLine::email))
                    .executeUpdate();
            List<StaffLine> moved = changed.stream().filter(StaffLine::moves).toList();
            if (!moved.isEmpty()) {
                nativeQuery("delete from store_membership where role = 'STAFF' and person_id = any(cast(?1 as uuid[]))")
                        .setParameter(1, array(moved, StaffLine::personId))
                        .executeUpdate();
                addStaffMemberships(tenant, moved);
                // their unfinished training counts for the store they work in now
                nativeQuery("update assignment a set store_id = u.store, version = a.version + 1"
                                + " from unnest(cast(?1 as uuid[]), cast(?2 as uuid[])) as u(person, store)"
                                + " where a.person_id = u.person and a.status in ('ASSIGNED', 'EXCUSED')"
                                + " and a.store_id <> u.store")
                        .setParameter(1, array(moved, StaffLine::personId))
                        .setParameter(2, array(moved, StaffLine::storeId))
                        .executeUpdate();
            }
        }
    }

    private void addStaffMemberships(String tenant, List<StaffLine> people) {
        nativeQuery("insert into store_membership (id, tenant_id, person_id, store_id, role)"
                        + " select gen_random_uuid(), cast(?1 as uuid), u.person, u.store, 'STAFF'"
                        + " from unnest(cast(?2 as uuid[]), cast(?3 as uuid[])) as u(person, store)")
                .setParameter(1, tenant)
                .setParameter(2, array(people, StaffLine::personId))
                .setParameter(3, array(people, StaffLine::storeId))
                .executeUpdate();
    }

    /**
     * New people are assigned what someone hired by hand is (the rules of {@code StaffChanges.joined}): the version
     * in rollout by its deadline, the version in force after the franchise's new-hire days. The versions are
     * share-locked first, so that a publication deciding at the same moment waits for them to count.
     */
    private void assignOpenVersions(String tenant, List<StaffLine> people) {
        nativeQuery("select id from charter_version where status in ('ROLLOUT', 'PUBLISHED') for share")
                .getResultList();
        nativeQuery("insert into assignment (id, tenant_id, version_id, person_id, store_id, status, due_date)"
                        + " select gen_random_uuid(), v.tenant_id, v.id, u.person, u.store, 'ASSIGNED',"
                        + "  case when v.status = 'ROLLOUT' then greatest(r.deadline, current_date)"
                        + "       else current_date + f.new_hire_days end"
                        + " from unnest(cast(?2 as uuid[]), cast(?3 as uuid[])) as u(person, store)"
                        + " cross join charter_version v join franchise f on f.id = v.tenant_id"
                        + " left join rollout r on r.version_id = v.id"
                        + " where v.status in ('ROLLOUT', 'PUBLISHED') and v.tenant_id = cast(?1 as uuid)")
                .setParameter(1, tenant)
                .setParameter(2, array(people, StaffLine::personId))
                .setParameter(3, array(people, StaffLine::storeId))
                .executeUpdate();
    }

    // Reading ------------------------------------------------------------------------------------------------------

    private Map<String, String> storeIds() {
        Map<String, String> ids = new HashMap<>();
        for (Object[] row : Rows.list(nativeQuery("select code, id from store where tenant_id = cast(?1 as uuid)")
                .setParameter(1, franchiseId()))) {
            ids.put((String) row[0], String.valueOf(row[1]));
        }
        return ids;
    }

    private Map<String, Known> knownPeople(List<String> numbers) {
        Map<String, Known> known = new HashMap<>();
        if (numbers.isEmpty()) {
            return known;
        }
        for (Object[] row : Rows.list(nativeQuery(
                        "select p.employee_number, p.id, p.full_name, p.email, p.preferred_locale,"
                                + " p.hire_date, s.id, s.code from person p"
                                + " left join lateral (select m.store_id from store_membership m where m.person_id = p.id"
                                + "   and m.role = 'STAFF' order by m.store_id limit 1) m on true"
                                + " left join store s on s.id = m.store_id"
                                + " where p.tenant_id = cast(?1 as uuid) and p.employee_number = any(cast(?2 as text[]))")
                .setParameter(1, franchiseId())
                .setParameter(2, org.charter.service.database.PgArrays.literal(numbers)))) {
            known.put(
                    (String) row[0],
                    new Known(
                            String.valueOf(row[1]),
                            (String) row[2],
                            (String) row[3],
                            (String) row[4],
                            row[5] == null ? null : ((java.sql.Date) row[5]).toLocalDate(),
                            row[6] == null ? null : String.valueOf(row[6]),
                            (String) row[7]));
        }
        return known;
    }

    private Set<String> takenUsernames(List<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        Set<String> taken = new HashSet<>();
        for (Object name : nativeQuery("select username from account where username = any(cast(?1 as text[]))")
                .setParameter(1, org.charter.service.database.PgArrays.literal(usernames))
                .getResultList()) {
            taken.add((String) name);
        }
        return taken;
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format.withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }

    private static <T> String array(List<T> lines, java.util.function.Function<T, Object> field) {
        return org.charter.service.database.PgArrays.literal(
                lines.stream().map(field).toList());
    }

    private String franchiseId() {
        return callers.current().franchiseId();
    }

    private static String limited(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private jakarta.persistence.Query nativeQuery(String sql) {
        return Rows.nativeQuery(em, sql);
    }
}
