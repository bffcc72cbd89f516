package ru.esiaedu.desk.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

import ru.esiaedu.desk.access.Caller;
import ru.esiaedu.desk.service.DeskService;
import ru.esiaedu.login.step.Registry;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.imports.ImportFile;
import ru.esiaedu.registry.school.ImportProblem;
import ru.esiaedu.registry.school.ImportProgress;
import ru.esiaedu.registry.school.ImportReport;
import ru.esiaedu.registry.school.SchoolOffice;

/**
 * Bulk import as a background task: the file is read at once (the registry's {@link ImportFile}: bad lines become
 * problems), then planned or applied on Keycloak's executor while the page polls the task's state, which lives in the
 * single-use store so any node of a cluster can answer the poll. The report lists every change and every bad row.
 */
final class DeskImports {

    /** A school's file of 100 000 rows is a few megabytes; anything far larger is not an export of one school. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    static final int STATUS_SECONDS = 3600;
    /** How often the progress is written (rows). */
    static final int PROGRESS_STEP = 500;
    private static final String KEY = "school-desk.import.";
    private static final Logger LOG = Logger.getLogger(DeskImports.class);

    private final KeycloakSession session;

    DeskImports(KeycloakSession session) {
        this.session = session;
    }

    Response start(DeskService desk, Caller caller, byte[] content, boolean dryRun) {
        if (!caller.permissions().imports()) {
            return DeskApi.notFound();
        }
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            return DeskApi.error(Response.Status.BAD_REQUEST, "file");
        }
        ImportFile file = ImportFile.parse(content);
        String taskId = SecretGenerator.getInstance().randomString(24);
        int total = file.rows().size();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        // Stored and committed before the task starts: written in this request's session it would be committed when
        // the request ends, possibly after a short task's final state, and overwrite it.
        store(factory, taskId, ImportStatus.running(caller.actor().id(), 0, total));
        String realmId = session.getContext().getRealm().getId();
        session.getProvider(ExecutorsProvider.class).getExecutor("school-desk-import")
                .execute(() -> run(factory, realmId, caller, file, dryRun, taskId));
        LOG.debugf("Import %s started (%d rows, dry run %s)", taskId, total, dryRun);
        return DeskApi.json(Response.Status.ACCEPTED, Map.of("taskId", taskId, "total", total));
    }

    Response status(Caller caller, String taskId) {
        ImportStatus status = taskId == null || taskId.length() > 64 ? null
                : ImportStatus.fromMap(session.singleUseObjects().get(KEY + taskId));
        if (status == null || !status.actor().equals(caller.actor().id())) {
            return DeskApi.notFound();
        }
        try {
            Map<String, Object> view = new java.util.LinkedHashMap<>();
            view.put("state", status.state().name());
            view.put("done", status.done());
            view.put("total", status.total());
            view.put("message", status.message());
            view.put("report", status.report() == null ? null : DeskApi.JSON.readTree(status.report()));
            return DeskApi.ok(view);
        } catch (java.io.IOException e) {
            return DeskApi.notFound();
        }
    }

    private static void run(KeycloakSessionFactory factory, String realmId, Caller caller, ImportFile file,
            boolean dryRun, String taskId) {
        String actor = caller.actor().id();
        int total = file.rows().size();
        ImportProgress progress = (done, all) -> {
            if (done % PROGRESS_STEP == 0 || done == all) {
                store(factory, taskId, ImportStatus.running(actor, done, all));
            }
        };
        try {
            ImportReport report = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
                s.getContext().setRealm(s.realms().getRealm(realmId));
                try {
                    SchoolOffice office = Registry.of(s).office().orElseThrow(() -> new RegistryUnavailableException(
                            "no school office", null));
                    return new DeskService(office, caller, request -> false).importPeople(file.rows(), dryRun, progress)
                            .orElseThrow();
                } catch (RegistryUnavailableException e) {
                    throw new IllegalStateException("registry unavailable", e);
                }
            });
            String json = DeskApi.JSON.writeValueAsString(Views.Import.of(withParseProblems(report, file.problems())));
            store(factory, taskId, new ImportStatus(actor, ImportStatus.State.DONE, total, total, null, json));
            LOG.debugf("Import %s done: %d created, %d updated", taskId, report.created(), report.updated());
        } catch (RuntimeException | java.io.IOException e) {
            Throwable cause = e.getCause() instanceof RegistryUnavailableException ? e.getCause() : e;
            LOG.warnf("Import %s failed (%s)", taskId, cause.getClass().getName());
            store(factory, taskId, new ImportStatus(actor, ImportStatus.State.FAILED, 0, total,
                    cause instanceof RegistryUnavailableException ? Texts.reason("registry_unavailable")
                            : "Загрузка не выполнена: внутренняя ошибка. Ничего не записано сверх уже сохранённых пакетов;"
                            + " повторите загрузку — она безопасна", null));
        }
    }

    /** The file's unreadable lines and the registry's bad rows in one list, by line. */
    static ImportReport withParseProblems(ImportReport report, List<ImportProblem> parseProblems) {
        List<ImportProblem> problems = new ArrayList<>(parseProblems);
        problems.addAll(report.problems());
        problems.sort(Comparator.comparingInt(ImportProblem::line));
        return new ImportReport(report.applied(), report.created(), report.updated(), report.unchanged(),
                report.changes(), problems);
    }

    private static void store(KeycloakSessionFactory factory, String taskId, ImportStatus status) {
        KeycloakModelUtils.runJobInTransaction(factory, s -> s.singleUseObjects().put(KEY + taskId, STATUS_SECONDS,
                status.toMap()));
    }
}
