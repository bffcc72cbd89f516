package ru.esiaedu.desk.service;

import ru.esiaedu.registry.school.InboxRequest;

/** Tells the requester what became of their request; never fails the school's action. */
public interface OutcomeMailer {

    /** @return false when the mail was not sent (no address, SMTP down); the outcome is stored either way */
    boolean send(InboxRequest request);
}
