package org.charter.service.franchise;

import java.util.Set;
import org.charter.model.franchise.Language;

/** A franchise to onboard, with its first HQ administrator. */
public record NewFranchise(
        String name,
        String slug,
        Language defaultLanguage,
        Set<Language> languages,
        String timeZone,
        String adminFullName,
        String adminUsername) {}
