package ru.esiaedu.contact;

import java.util.ArrayList;
import java.util.List;

/** A {@link ContactAccount} in memory that records every change the step makes. */
final class MemoryAccount implements ContactAccount {

    String email;
    ContactChoices choices;
    final List<String> changes = new ArrayList<>();

    MemoryAccount(String email) {
        this.email = email;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public boolean choicesStored() {
        return choices != null;
    }

    @Override
    public void storeEmailForConfirmation(String address) {
        email = address;
        changes.add("email for confirmation");
    }

    @Override
    public void storeChoices(ContactChoices choices) {
        this.choices = choices.stored();
        changes.add("choices");
    }
}
