package ru.esiaedu.esia.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A child linked to the person ({@code /rs/prns/{oid}/kids}). The child object's shape is
 * <em>unconfirmed</em> in public clients (docs/esia-idp.md lists it among the assumptions); {@code oid} is taken from
 * {@code id} (or {@code oid}). Fields are present only if the matching {@code kid_*} scope was
 * granted. {@link #toString()} omits personal data.
 */
public record EsiaKid(String oid, String firstName, String lastName, String middleName, LocalDate birthDate,
        String gender, String snils, List<EsiaDocument> documents) {

    public EsiaKid {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A copy with these documents instead of the current ones. */
    public EsiaKid withDocuments(List<EsiaDocument> docs) {
        return new EsiaKid(oid, firstName, lastName, middleName, birthDate, gender, snils, docs);
    }

    /** First birth certificate (RF_BRTH_CERT, FID_BRTH_CERT, OLD_BRTH_CERT). */
    public Optional<EsiaDocument> birthCertificate() {
        return documents.stream().filter(EsiaDocument::isBirthCertificate).findFirst();
    }

    @Override
    public String toString() {
        return "EsiaKid[documents=" + documents.size() + "]";
    }
}
