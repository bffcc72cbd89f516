package ru.esiaedu.registry.school;

/** Who a parent account is to the student: «Мать», «Отец», or another legal representative. */
public enum Kinship { MOTHER, FATHER, OTHER }
