package org.charter.web.dashboard;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.charter.service.dashboard.DashboardService;
import org.charter.service.dashboard.Overview;
import org.charter.service.people.PeopleService;
import org.charter.web.shell.CurrentUser;

/** {@code /app/index.xhtml}: each role's landing page. */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DashboardService dashboard;

    @Inject
    PeopleService people;

    @Inject
    CurrentUser user;

    @Inject
    org.charter.service.rollout.AcknowledgementService acknowledgements;

    private long openTraining;

    private Overview overview;
    private String fullName;
    private List<String> myStores;

    public void load() {
        overview = dashboard.overview();
        if (!user.isPlatformAdmin()) {
            fullName = people.myself().getFullName();
            myStores = people.myStoreNames();
            openTraining = acknowledgements.myAssignments().stream()
                    .filter(org.charter.service.rollout.MyAssignment::isOpen)
                    .count();
        } else {
            fullName = user.getUsername();
            myStores = List.of();
        }
    }

    public long getOpenTraining() {
        return openTraining;
    }

    public Overview getOverview() {
        return overview;
    }

    public String getFullName() {
        return fullName;
    }

    public List<String> getMyStores() {
        return myStores;
    }
}
