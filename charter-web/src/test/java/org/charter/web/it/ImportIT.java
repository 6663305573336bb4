package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.importing.ImportKind;
import org.charter.service.importing.ImportPreview;
import org.charter.service.importing.ImportResult;
import org.charter.service.importing.ImportService;
import org.charter.service.people.PeopleService;
import org.charter.service.store.StoreService;
import org.charter.web.importing.ImportBacking;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CSV imports against PostgreSQL: a file with one wrong line is refused whole and writes nothing, the corrected
 * file is applied, the same file again changes nothing, Excel's semicolons, byte order mark and German headers
 * read, and another franchise cannot apply or see the file.
 */
@ExtendWith(ArquillianExtension.class)
class ImportIT {

    private static final String PLATFORM = "it-platform";

    @Deployment
    static WebArchive deployment() {
        return Deployments.forServices(ImportIT.class, ApiFixtures.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    ApiFixtures api;

    @Inject
    FranchiseService franchises;

    @Inject
    StoreService stores;

    @Inject
    PeopleService people;

    @Inject
    ImportService imports;

    private World a;
    private World b;
    private final Map<String, String> labels = ImportBacking.labels();

    @BeforeEach
    void twoFranchises() {
        fixtures.ensurePlatformAdmin(PLATFORM);
        a = World.build(franchises, stores, people, PLATFORM);
        b = World.build(franchises, stores, people, PLATFORM);
    }

    @Test
    void aFileWithOneBadLineWritesNothingThenTheCorrectedFileIsAppliedOnce() {
        long before = api.people(a.franchiseId);
        String bad = "employee_number,full_name,store,email,language,hire_date\n"
                + "E-1,Anna Bērziņa,A1,anna@example.test,lv,2026-11-02\n"
                + "E-2,Jānis Ozols,ZZ9,,lv,02.11.2026\n"
                + "E-3,Līga Kalniņa,B1,not-an-address,,\n";
        ImportPreview checked = as(a.hq, () -> imports.preview(ImportKind.STAFF, "staff.csv", utf8(bad), labels));
        assertEquals(3, checked.lines());
        assertEquals(2, checked.errorLines(), checked.errors().toString());
        assertFalse(checked.canApply());
        assertEquals(List.of(3, 4), checked.errors().stream().map(e -> e.line()).toList());
        assertEquals("error.api.unknownStore", checked.errors().get(0).messageKey());
        assertEquals("error.email", checked.errors().get(1).messageKey());
        BusinessException refused =
                assertThrows(BusinessException.class, () -> as(a.hq, () -> imports.apply(checked.importId(), labels)));
        assertEquals("import.hasErrors", refused.getMessageKey());
        assertEquals(before, api.people(a.franchiseId), "nothing written");

        String good = bad.replace("ZZ9", "A1").replace("not-an-address", "liga@example.test");
        ImportPreview corrected = as(a.hq, () -> imports.preview(ImportKind.STAFF, "staff.csv", utf8(good), labels));
        assertTrue(corrected.canApply(), corrected.errors().toString());
        assertEquals(3, corrected.create());
        ImportResult applied = as(a.hq, () -> imports.apply(corrected.importId(), labels));
        assertEquals(3, applied.created());
        assertEquals(before + 3, api.people(a.franchiseId));
        assertEquals(
                "Jānis Ozols",
                as(a.hq, () -> people.roster(a.storeId)).stream()
                        .filter(line -> "E-2".equals(line.employeeNumber()))
                        .findFirst()
                        .orElseThrow()
                        .fullName());
        BusinessException twice = assertThrows(
                BusinessException.class, () -> as(a.hq, () -> imports.apply(corrected.importId(), labels)));
        assertEquals("import.alreadyApplied", twice.getMessageKey());

        long versions = api.peopleVersions(a.franchiseId);
        ImportPreview again = as(a.hq, () -> imports.preview(ImportKind.STAFF, "staff.csv", utf8(good), labels));
        assertEquals(3, again.same());
        ImportResult nothing = as(a.hq, () -> imports.apply(again.importId(), labels));
        assertEquals(0, nothing.created() + nothing.changed());
        assertEquals(before + 3, api.people(a.franchiseId));
        assertEquals(versions, api.peopleVersions(a.franchiseId), "no person row written");

        // one changed name and one move to another store
        String changed = good.replace("Anna Bērziņa", "Anna Bērziņa-Ozola")
                .replace("E-3,Līga Kalniņa,B1", "E-3,Līga Kalniņa,A1");
        ImportPreview moves = as(a.hq, () -> imports.preview(ImportKind.STAFF, "staff.csv", utf8(changed), labels));
        assertEquals(2, moves.change(), moves.changes().toString());
        as(a.hq, () -> imports.apply(moves.importId(), labels));
        assertTrue(as(a.hq, () -> people.roster(a.storeId)).stream()
                .anyMatch(line -> "E-3".equals(line.employeeNumber())));
        assertEquals(3, api.auditLines(a.franchiseId, "import.applied", a.hq), "one audit line per applied file");
    }

    @Test
    void excelsSemicolonsByteOrderMarkAndGermanHeadersRead() {
        String excel = "\uFEFFPersonalnummer;Vollständiger Name;Filiale;E-Mail;Sprache;Eintrittsdatum\r\n"
                + "D-1;\"Müller; Anna\";A1;;de;01.12.2026\r\n"
                + ";;;;;\r\n"
                + "D-2;Jörg Weiß;b1;;;\r\n";
        ImportPreview checked = as(a.hq, () -> imports.preview(ImportKind.STAFF, "Personal.csv", utf8(excel), labels));
        assertTrue(checked.canApply(), checked.errors().toString());
        assertEquals(2, checked.create());
        as(a.hq, () -> imports.apply(checked.importId(), labels));
        assertTrue(
                as(a.hq, () -> people.roster(a.storeId)).stream().anyMatch(l -> "Müller; Anna".equals(l.fullName())));

        BusinessException latin1 = assertThrows(
                BusinessException.class,
                () -> as(
                        a.hq,
                        () -> imports.preview(
                                ImportKind.STAFF,
                                "latin1.csv",
                                "employee_number,full_name,store\nX-1,J\u00f6rg,A1\n"
                                        .getBytes(StandardCharsets.ISO_8859_1),
                                labels)));
        assertEquals("import.notUtf8", latin1.getMessageKey());
        BusinessException unknown = assertThrows(
                BusinessException.class,
                () -> as(
                        a.hq,
                        () -> imports.preview(
                                ImportKind.STAFF,
                                "x.csv",
                                utf8("employee_number,full_name,store,shoe_size\n"),
                                labels)));
        assertEquals("import.unknownColumn", unknown.getMessageKey());
    }

    @Test
    void storesAreCreatedAndChangedByCode() {
        String file = "code;name;region;city;country;time_zone\n"
                + "C7;Harbour;Coast;Liepāja;LV;Europe/Riga\n"
                + "A1;Renamed A1;;Rīga;LV;Europe/Riga\n";
        ImportPreview checked = as(a.hq, () -> imports.preview(ImportKind.STORES, "stores.csv", utf8(file), labels));
        assertTrue(checked.canApply(), checked.errors().toString());
        assertEquals(1, checked.create());
        assertEquals(1, checked.change());
        ImportResult applied = as(a.hq, () -> imports.apply(checked.importId(), labels));
        assertEquals(1, applied.created());
        assertTrue(as(a.hq, stores::listStores).stream().anyMatch(s -> s.code().equals("C7")));
        ImportPreview again = as(a.hq, () -> imports.preview(ImportKind.STORES, "stores.csv", utf8(file), labels));
        assertEquals(2, again.same(), again.changes().toString());
    }

    @Test
    void anotherFranchiseCannotApplyTheFile() {
        String file = "employee_number,full_name,store\nF-1,Foreign,A1\n";
        ImportPreview ofA = as(a.hq, () -> imports.preview(ImportKind.STAFF, "a.csv", utf8(file), labels));
        long peopleOfB = api.people(b.franchiseId);
        assertThrows(NotFoundException.class, () -> as(b.hq, () -> imports.apply(ofA.importId(), labels)));
        assertThrows(NotFoundException.class, () -> as(b.hq, () -> imports.apply("not-an-id", labels)));
        assertEquals(peopleOfB, api.people(b.franchiseId));
        assertThrows(
                org.charter.model.common.AccessDeniedException.class,
                () -> as(a.manager, () -> imports.preview(ImportKind.STAFF, "a.csv", utf8(file), labels)));
    }

    /**
     * A large file, set-based all through: 2,000 lines in the suite, 100,000 with
     * {@code CHARTER_IMPORT_BENCH_LINES=100000} for docs/benchmarks.md (the page tests fingerprint every table after
     * each page, so the suite keeps its database small). How long the check and the apply take is printed, not
     * asserted: the machine's speed is not the product's.
     */
    @Test
    void aLargeFileIsImportedSetBased() {
        int count = Integer.parseInt(
                java.util.Objects.requireNonNullElse(System.getenv("CHARTER_IMPORT_BENCH_LINES"), "2000"));
        StringBuilder file = new StringBuilder("employee_number;full_name;store;email;language;hire_date\n");
        for (int i = 0; i < count; i++) {
            file.append("B-")
                    .append(i)
                    .append(";Person ")
                    .append(i)
                    .append(';')
                    .append(i % 2 == 0 ? "A1" : "B1")
                    .append(";p")
                    .append(i)
                    .append("@example.test;lv;2026-11-0")
                    .append(1 + i % 9)
                    .append('\n');
        }
        byte[] content = utf8(file.toString());
        long before = api.people(b.franchiseId);
        long start = System.nanoTime();
        ImportPreview checked = as(b.hq, () -> imports.preview(ImportKind.STAFF, "big.csv", content, labels));
        long checkedAt = System.nanoTime();
        assertTrue(checked.canApply(), checked.errors().toString());
        ImportResult applied = as(b.hq, () -> imports.apply(checked.importId(), labels));
        long appliedAt = System.nanoTime();
        assertEquals(count, applied.created());
        assertEquals(before + count, api.people(b.franchiseId));
        ImportPreview again = as(b.hq, () -> imports.preview(ImportKind.STAFF, "big.csv", content, labels));
        long againAt = System.nanoTime();
        assertEquals(count, again.same());
        System.out.printf(
                "IMPORT %,d staff lines (%,d bytes): check %.1f s, apply %.1f s, check of the same file again %.1f s%n",
                count,
                content.length,
                (checkedAt - start) / 1e9,
                (appliedAt - checkedAt) / 1e9,
                (againAt - appliedAt) / 1e9);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
