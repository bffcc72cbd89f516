package ru.esiaedu.registry.school;

/**
 * The fields of a person's card the school edits. {@link #PHONES} and {@link #EMAILS} are the account's contacts as
 * entered, separated by {@code ", "}; {@link #BIRTH_DATE} is {@code yyyy-MM-dd}.
 */
public enum CardField { LAST_NAME, FIRST_NAME, MIDDLE_NAME, BIRTH_DATE, SNILS, PHONES, EMAILS }
