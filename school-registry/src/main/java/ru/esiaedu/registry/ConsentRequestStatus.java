package ru.esiaedu.registry;

/** Life of a consent request of the registry consent source. */
public enum ConsentRequestStatus { PENDING, APPROVED, DECLINED }
