package ru.esiaedu.contact;

import org.keycloak.models.UserModel;

/**
 * {@link ContactAccount} on a Keycloak user. A typed address is confirmed by Keycloak's own e-mail verification: the
 * address stays unconfirmed and the user gets the VERIFY_EMAIL required action, which sends the link after the login
 * flow and marks the address confirmed when the link is opened.
 */
final class UserContactAccount implements ContactAccount {

    private final UserModel user;

    UserContactAccount(UserModel user) {
        this.user = user;
    }

    @Override
    public String email() {
        return user.getEmail();
    }

    @Override
    public boolean choicesStored() {
        return user.getFirstAttribute(ContactChoices.JOURNAL_MAIL_COPY) != null;
    }

    @Override
    public void storeEmailForConfirmation(String address) {
        user.setEmail(address);
        user.setEmailVerified(false);
        user.addRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
    }

    @Override
    public void storeChoices(ContactChoices choices) {
        ContactChoices stored = choices.stored();
        user.setSingleAttribute(ContactChoices.JOURNAL_MAIL_COPY, Boolean.toString(stored.journalMailCopy()));
        user.setSingleAttribute(ContactChoices.MARK_READ_ON_OPEN, Boolean.toString(stored.markReadOnOpen()));
    }
}
