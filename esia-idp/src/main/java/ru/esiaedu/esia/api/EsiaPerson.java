package ru.esiaedu.esia.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ESIA person as read from {@code /rs/prns/{oid}} and its collections. Immutable; build it
 * with {@link #builder(String)}. Fields are null (or empty lists) when their scope was not granted.
 * {@link #toString()} carries no personal data.
 */
public final class EsiaPerson {

    public static final String STATUS_REGISTERED = "REGISTERED";
    public static final String STATUS_DELETED = "DELETED";

    /** Names used in {@link #partsMissing()}. */
    public static final String PART_CONTACTS = "contacts";
    public static final String PART_DOCUMENTS = "documents";
    public static final String PART_KIDS = "kids";
    public static final String PART_KID_DOCUMENTS = "kids.documents";

    private final String oid;
    private final String firstName;
    private final String lastName;
    private final String middleName;
    private final LocalDate birthDate;
    private final String gender;
    private final String snils;
    private final String citizenship;
    private final boolean trusted;
    private final String status;
    private final List<EsiaContact> contacts;
    private final List<EsiaDocument> documents;
    private final List<EsiaKid> kids;
    private final Set<String> partsMissing;

    private EsiaPerson(Builder b) {
        this.oid = b.oid;
        this.firstName = b.firstName;
        this.lastName = b.lastName;
        this.middleName = b.middleName;
        this.birthDate = b.birthDate;
        this.gender = b.gender;
        this.snils = b.snils;
        this.citizenship = b.citizenship;
        this.trusted = b.trusted;
        this.status = b.status;
        this.contacts = List.copyOf(b.contacts);
        this.documents = List.copyOf(b.documents);
        this.kids = List.copyOf(b.kids);
        this.partsMissing = Collections.unmodifiableSet(new LinkedHashSet<>(b.partsMissing));
    }

    public static Builder builder(String oid) {
        return new Builder(oid);
    }

    /** A builder preloaded with this person's values. */
    public Builder toBuilder() {
        Builder b = new Builder(oid).firstName(firstName).lastName(lastName).middleName(middleName)
                .birthDate(birthDate).gender(gender).snils(snils).citizenship(citizenship).trusted(trusted)
                .status(status);
        b.contacts.addAll(contacts);
        b.documents.addAll(documents);
        b.kids.addAll(kids);
        b.partsMissing.addAll(partsMissing);
        return b;
    }

    /** ESIA oid, taken from the token ({@code urn:esia:sbj_id}); the person JSON has none. */
    public String oid() {
        return oid;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String middleName() {
        return middleName;
    }

    /** Null if absent or not a valid {@code dd.MM.yyyy}. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** {@code "M"}, {@code "F"} or null. */
    public String gender() {
        return gender;
    }

    /** As ESIA gives it, e.g. {@code 666-374-403 26}. */
    public String snils() {
        return snils;
    }

    /** E.g. {@code RUS}. */
    public String citizenship() {
        return citizenship;
    }

    /** Confirmed account. */
    public boolean trusted() {
        return trusted;
    }

    /** {@code REGISTERED}, {@code DELETED} or null. */
    public String status() {
        return status;
    }

    public List<EsiaContact> contacts() {
        return contacts;
    }

    public List<EsiaDocument> documents() {
        return documents;
    }

    public List<EsiaKid> kids() {
        return kids;
    }

    /**
     * Parts ESIA refused with 403 / ESIA-005029 (scope not granted), e.g. {@link #PART_KIDS}; they
     * are empty in this object.
     */
    public Set<String> partsMissing() {
        return partsMissing;
    }

    public boolean isRegistered() {
        return STATUS_REGISTERED.equals(status);
    }

    /** The first VERIFIED e-mail ({@code EML}); unverified and work e-mails are not returned. */
    public Optional<String> verifiedEmail() {
        return firstVerified(EsiaContact.EML);
    }

    /** The first VERIFIED mobile phone ({@code MBT}), as ESIA formats it. */
    public Optional<String> verifiedMobile() {
        return firstVerified(EsiaContact.MBT);
    }

    /** The first RF_PASSPORT. */
    public Optional<EsiaDocument> passport() {
        return documents.stream().filter(EsiaDocument::isPassport).findFirst();
    }

    /** The first birth certificate (RF_BRTH_CERT, FID_BRTH_CERT, OLD_BRTH_CERT). */
    public Optional<EsiaDocument> birthCertificate() {
        return documents.stream().filter(EsiaDocument::isBirthCertificate).findFirst();
    }

    private Optional<String> firstVerified(String type) {
        return contacts.stream().filter(c -> c.isVerified(type)).map(EsiaContact::value).findFirst();
    }

    @Override
    public String toString() {
        return "EsiaPerson[trusted=" + trusted + ", status=" + status + ", contacts=" + contacts.size()
                + ", documents=" + documents.size() + ", kids=" + kids.size() + ", partsMissing=" + partsMissing
                + "]";
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final String oid;
        private String firstName;
        private String lastName;
        private String middleName;
        private LocalDate birthDate;
        private String gender;
        private String snils;
        private String citizenship;
        private boolean trusted;
        private String status;
        private final List<EsiaContact> contacts = new ArrayList<>();
        private final List<EsiaDocument> documents = new ArrayList<>();
        private final List<EsiaKid> kids = new ArrayList<>();
        private final Set<String> partsMissing = new LinkedHashSet<>();

        private Builder(String oid) {
            this.oid = oid;
        }

        public Builder firstName(String v) {
            this.firstName = v;
            return this;
        }

        public Builder lastName(String v) {
            this.lastName = v;
            return this;
        }

        public Builder middleName(String v) {
            this.middleName = v;
            return this;
        }

        public Builder birthDate(LocalDate v) {
            this.birthDate = v;
            return this;
        }

        public Builder gender(String v) {
            this.gender = v;
            return this;
        }

        public Builder snils(String v) {
            this.snils = v;
            return this;
        }

        public Builder citizenship(String v) {
            this.citizenship = v;
            return this;
        }

        public Builder trusted(boolean v) {
            this.trusted = v;
            return this;
        }

        public Builder status(String v) {
            this.status = v;
            return this;
        }

        public Builder addContact(EsiaContact c) {
            contacts.add(c);
            return this;
        }

        public Builder addDocument(EsiaDocument d) {
            documents.add(d);
            return this;
        }

        public Builder addKid(EsiaKid k) {
            kids.add(k);
            return this;
        }

        public Builder partMissing(String part) {
            partsMissing.add(part);
            return this;
        }

        public EsiaPerson build() {
            return new EsiaPerson(this);
        }
    }
}
