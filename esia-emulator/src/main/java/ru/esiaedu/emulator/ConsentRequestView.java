package ru.esiaedu.emulator;

import java.time.Instant;
import java.util.List;

/**
 * A consent request as the test hooks show it ({@link Consents#requests}).
 *
 * @param id          the request id (a UUID, the consent API's {@code requestId})
 * @param client      the client system's mnemonic ({@code client_id} of the student's token)
 * @param studentOid  whose data
 * @param status      {@code PENDING}, {@code APPROVED} or {@code DECLINED}
 * @param recipients  oids of the people asked (the parents of a minor, or the adult student)
 * @param decidedBy   oid of the recipient who approved or declined it; null while pending
 * @param purpose     the purpose shown to the recipients
 * @param created     when it was opened
 */
public record ConsentRequestView(String id, String client, String studentOid, String status, List<String> recipients,
                                 String decidedBy, String purpose, Instant created) {

    static ConsentRequestView of(ConsentRegistry.ConsentRequest r) {
        return new ConsentRequestView(r.id(), r.clientId(), Long.toString(r.studentOid()), r.status().name(),
                r.recipients().stream().map(String::valueOf).toList(),
                r.decidedBy() == null ? null : r.decidedBy().toString(), r.purpose(), r.created());
    }
}
