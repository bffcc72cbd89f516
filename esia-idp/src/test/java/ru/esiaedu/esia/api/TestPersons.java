package ru.esiaedu.esia.api;

import java.time.LocalDate;
import java.util.List;

/** ESIA persons the provider's tests share. */
public final class TestPersons {

    private TestPersons() {
    }

    /** Захарченко Диана with verified and unverified contacts, a passport and one child with a birth certificate. */
    public static EsiaPerson parentWithChild() {
        EsiaDocument birthCertificate = new EsiaDocument("7", "RF_BRTH_CERT", "IV-МЮ", "654321", LocalDate.of(2015, 3, 1),
                "ЗАГС", null, "120", LocalDate.of(2015, 2, 27), true);
        EsiaKid kid = new EsiaKid("1000000201", "Резида", "Джалилов", "Егорович", LocalDate.of(2015, 2, 20), "M",
                "112-233-445 95", List.of(birthCertificate));
        return EsiaPerson.builder("1000000101")
                .firstName("Диана").lastName("Захарченко").middleName("Набиевна")
                .birthDate(LocalDate.of(1987, 1, 19)).gender("F").snils("666-374-403 26").trusted(true)
                .status(EsiaPerson.STATUS_REGISTERED)
                .addContact(new EsiaContact("1", EsiaContact.EML, "unverified@example.ru", false))
                .addContact(new EsiaContact("2", EsiaContact.EML, "Diana@Example.ru", true))
                .addContact(new EsiaContact("3", EsiaContact.MBT, "+7(910)4420232", true))
                .addDocument(new EsiaDocument("4", "RF_PASSPORT", "5303", "925695", LocalDate.of(2006, 1, 1), "УФМС", "006006",
                        null, null, true))
                .addKid(kid)
                .build();
    }
}
