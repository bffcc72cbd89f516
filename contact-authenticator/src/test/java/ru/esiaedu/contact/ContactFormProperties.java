package ru.esiaedu.contact;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Typed input the contact page may receive, generated: what is accepted, what reaches the audit log. */
class ContactFormProperties {

    @Property
    void whateverIsTypedAnAcceptedAddressIsOneShortLowerCaseAddressWithoutMarkup(@ForAll("typed") String typed) {
        ContactEmail.Checked checked = ContactEmail.check(typed);
        if (!checked.valid()) {
            assertThat(checked.address()).isNull();
            return;
        }
        String address = checked.address();
        assertThat(address).hasSizeLessThanOrEqualTo(ContactEmail.MAX_LENGTH)
                .isEqualTo(address.strip().toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("<", ">", "\"", ",", ";", " ");
        assertThat(address.chars().filter(c -> c == '@').count()).isEqualTo(1);
        assertThat(ContactEmail.check(address).address()).as("checking a stored address again keeps it").isEqualTo(address);
    }

    @Provide
    Arbitrary<String> typed() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcXYZ019._-+<>\"' ,;@\t").ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> domain = Arbitraries.strings().withChars("abcz09.-<> ").ofMinLength(0).ofMaxLength(200);
        return Arbitraries.oneOf(
                Combinators.combine(local, domain).as((l, d) -> l + "@" + d + ".ru"),
                Arbitraries.strings().ofMaxLength(300));
    }

    @Property
    void theAuditDetailsNeverHoldTheTypedAddress(@ForAll @StringLength(min = 3, max = 60) String local, @ForAll boolean taken) {
        String typed = local.replaceAll("[^A-Za-z0-9]", "") + "x@school-mail.ru";
        ContactOutcome outcome = new ContactStep(ContactSettings.defaults())
                .submit(null, new MemoryAccount(null), ContactStepTest.form(typed, true, true), address -> taken);

        assertThat(outcome.details().values()).noneMatch(value -> value.toLowerCase().contains("school-mail"));
    }
}
