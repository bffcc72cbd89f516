package ru.esiaedu.registry.school;

/** An access request's life: open until the school links the requester or rejects it. */
public enum InboxRequestStatus { NEW, LINKED, REJECTED }
