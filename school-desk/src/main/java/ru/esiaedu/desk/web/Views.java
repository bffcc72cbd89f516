package ru.esiaedu.desk.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.esiaedu.desk.access.Caller;
import ru.esiaedu.desk.service.ClassRoster;
import ru.esiaedu.desk.service.RequestOutcome;
import ru.esiaedu.registry.school.AuditEntry;
import ru.esiaedu.registry.school.CardField;
import ru.esiaedu.registry.school.EditResult;
import ru.esiaedu.registry.school.ImportChange;
import ru.esiaedu.registry.school.ImportProblem;
import ru.esiaedu.registry.school.ImportReport;
import ru.esiaedu.registry.school.InboxRequest;
import ru.esiaedu.registry.school.NotMeReport;
import ru.esiaedu.registry.school.PersonCard;
import ru.esiaedu.registry.school.RosterRow;
import ru.esiaedu.registry.school.SchoolClass;

/** The JSON the pages and school systems read (documented in openapi.yaml); times as ISO-8601 strings. */
final class Views {

    private Views() {
    }

    record Person(String id, String role, String kinship, Map<String, String> fields, boolean linked) {
        static Person of(PersonCard card) {
            if (card == null) {
                return null;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (CardField field : CardField.values()) {
                fields.put(field.name(), card.field(field));
            }
            return new Person(card.accountId(), name(card.role()), name(card.kinship()), fields, card.linked());
        }
    }

    record Row(Person student, Person mother, Person father) {
        static Row of(RosterRow row) {
            return new Row(Person.of(row.student()), Person.of(row.mother()), Person.of(row.father()));
        }
    }

    record ClassRef(String id, String name) {
        static ClassRef of(SchoolClass schoolClass) {
            return new ClassRef(schoolClass.id(), schoolClass.name());
        }

        static List<ClassRef> of(List<SchoolClass> classes) {
            return classes.stream().map(ClassRef::of).toList();
        }
    }

    record Roster(ClassRef schoolClass, List<ClassRef> classes, List<Row> rows) {
        static Roster of(ClassRoster roster) {
            return new Roster(ClassRef.of(roster.schoolClass()), ClassRef.of(roster.classes()),
                    roster.rows().stream().map(Row::of).toList());
        }
    }

    record Me(String name, String actor, String organisationId, boolean wholeOrganisation, boolean inbox,
            boolean imports, boolean regionRequests, List<ClassRef> classes) {
        static Me of(Caller caller, List<SchoolClass> classes) {
            var can = caller.permissions();
            return new Me(caller.displayName(), caller.actor().id(), can.organisation().orElse(null),
                    can.wholeOrganisation(), can.usesInbox(), can.imports(), can.handlesRegionRequests(), ClassRef.of(classes));
        }
    }

    /** {@code status}: {@code saved} (value), {@code conflict} (current), {@code invalid} (reason, message). */
    record Edit(String status, String value, String current, String reason, String message) {
        static Edit of(EditResult result) {
            if (result instanceof EditResult.Saved saved) {
                return new Edit("saved", saved.value(), null, null, "Сохранено");
            }
            if (result instanceof EditResult.Conflict conflict) {
                return new Edit("conflict", null, conflict.current(), null, "Изменено другим сотрудником");
            }
            String reason = ((EditResult.Invalid) result).reason();
            return new Edit("invalid", null, null, reason, Texts.reason(reason));
        }
    }

    record Request(long id, String number, String status, String role, String requesterFullName, String childFullName,
            String organisationType, String organisationId, String className, String contactEmail, String createdAt,
            String linkedAccountId, String comment, String resolvedAt) {
        static Request of(InboxRequest r) {
            return new Request(r.id(), r.number(), name(r.status()), name(r.role()), r.requesterFullName(),
                    r.childFullName(), r.organisationType(), r.organisationId(), r.className(), r.contactEmail(),
                    time(r.createdAt()), r.linkedAccountId(), r.comment(), time(r.resolvedAt()));
        }

        static List<Request> of(List<InboxRequest> requests) {
            return requests.stream().map(Request::of).toList();
        }
    }

    record Outcome(String result, boolean done, boolean mailSent, String message, Request request) {
        static Outcome of(RequestOutcome outcome) {
            String message;
            if (!outcome.done()) {
                message = outcome.link() == null ? "Обращение уже рассмотрено" : Texts.link(outcome.link());
            } else {
                message = (outcome.link() == null ? "Обращение отклонено" : Texts.link(outcome.link()))
                        + (outcome.mailSent() ? ". Заявителю отправлено письмо"
                        : ". Письмо заявителю не отправлено (почтовый сервер недоступен или адрес не указан)");
            }
            return new Outcome(outcome.link() == null ? (outcome.done() ? "REJECTED" : "REQUEST_NOT_OPEN")
                    : outcome.link().name(), outcome.done(), outcome.mailSent(), message, Request.of(outcome.request()));
        }
    }

    record Audit(long id, String accountId, String field, String oldValue, String newValue, String actor, String at) {
        static List<Audit> of(List<AuditEntry> entries) {
            return entries.stream().map(e -> new Audit(e.id(), e.accountId(), e.field(), e.oldValue(), e.newValue(),
                    e.actor(), time(e.at()))).toList();
        }
    }

    record NotMe(long linkId, String accountId, String esiaOid, String unlinkedAt) {
        static List<NotMe> of(List<NotMeReport> reports) {
            return reports.stream().map(r -> new NotMe(r.linkId(), r.accountId(), r.esiaOid(), time(r.unlinkedAt()))).toList();
        }
    }

    record Problem(int line, String column, String reason, String message) {
    }

    record Change(int line, String personId, String kind, List<String> fields, List<String> relations) {
    }

    record Import(boolean applied, int created, int updated, int unchanged, List<Change> changes, List<Problem> problems) {
        static Import of(ImportReport report) {
            List<Change> changes = new ArrayList<>();
            for (ImportChange c : report.changes()) {
                changes.add(new Change(c.line(), c.personId(), c.kind().name(),
                        c.changedFields().stream().map(Enum::name).toList(), c.changedRelations()));
            }
            List<Problem> problems = new ArrayList<>();
            for (ImportProblem p : report.problems()) {
                problems.add(new Problem(p.line(), p.column(), p.reason(), Texts.reason(p.reason())));
            }
            return new Import(report.applied(), report.created(), report.updated(), report.unchanged(), changes, problems);
        }
    }

    record Error(String error, String message) {
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
