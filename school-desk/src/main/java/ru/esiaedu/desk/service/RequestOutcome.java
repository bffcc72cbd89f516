package ru.esiaedu.desk.service;

import ru.esiaedu.registry.school.InboxRequest;
import ru.esiaedu.registry.school.StaffLinkResult;

/**
 * What became of «Привязать» or «Отклонить» on a request.
 *
 * @param link     the link's result; null for a rejection
 * @param done     true when the request is now closed (linked or rejected)
 * @param request  the request as stored now
 * @param mailSent whether the requester's e-mail went out (false when nothing was done)
 */
public record RequestOutcome(StaffLinkResult link, boolean done, InboxRequest request, boolean mailSent) {
}
